package dev.undertone.core.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** JSON parsing and field access shared by the JSON decoders. */
final class Json {
    private static final ObjectMapper MAPPER =
            JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /** Resolved once: resolving the target type per call showed up in profiles. */
    private static final ObjectReader TREES = MAPPER.readerFor(JsonNode.class);

    private Json() {}

    /** Parses a JSON object, rejecting anything else with a reason naming the position. */
    static JsonNode parseObject(byte[] payload) {
        JsonNode node = parse(payload, 0, payload.length);
        if (!node.isObject()) {
            throw new Rejection("JSON record is not an object (" + kind(node) + ")");
        }
        return node;
    }

    /** Parses a JSON value from a slice of bytes. */
    static JsonNode parse(byte[] payload, int offset, int length) {
        try {
            JsonNode node = TREES.readValue(payload, offset, length);
            if (node == null || node.isMissingNode()) {
                throw new Rejection("empty record: no JSON value");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where =
                    e.getLocation() == null
                            ? ""
                            : " at line "
                                    + e.getLocation().getLineNr()
                                    + ", column "
                                    + e.getLocation().getColumnNr();
            throw new Rejection("malformed JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Rejection("unreadable JSON: " + e.getMessage());
        }
    }

    /**
     * Reads one value at a streaming parser's current token as a tree (the same nodes as {@link
     * #parse}); unlike {@link #TREES} it leaves the tokens after the value to the parser.
     */
    private static final ObjectReader SUBTREES =
            MAPPER.readerFor(JsonNode.class)
                    .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** A streaming parser over a payload (see {@link #subtree}). */
    static JsonParser streamingParser(byte[] payload) throws IOException {
        return MAPPER.createParser(payload);
    }

    /** The value at the parser's current token as a tree; the parser is left on its last token. */
    static JsonNode subtree(JsonParser parser) throws IOException {
        return SUBTREES.readTree(parser);
    }

    /** Parses JSON held in a string (the Mastodon WebSocket payload is JSON inside a string). */
    static JsonNode parse(String json) {
        byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return parse(bytes, 0, bytes.length);
    }

    /** The field's text, or null when it is absent, null or not a string or number. */
    static String text(JsonNode node, String field) {
        return textOf(node == null ? null : node.get(field));
    }

    /** A node's text when it is a string or an integer, else null. */
    static String textOf(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isTextual() ? v.textValue() : v.isIntegralNumber() ? v.asText() : null;
    }

    /** The field's object, or null. */
    static JsonNode object(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isObject() ? v : null;
    }

    /** The field's array elements, or an empty list. */
    static List<JsonNode> array(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || !v.isArray()) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>(v.size());
        v.forEach(out::add);
        return out;
    }

    /** Whether the field is present and not null. */
    static boolean has(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && !v.isNull();
    }

    /** The post text in a field: required, a string; rejects with a reason otherwise. */
    static String requiredText(JsonNode node, String field, String what) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null) {
            throw new Rejection(what + " has no '" + field + "' field");
        }
        if (v.isNull()) {
            throw new Rejection(what + " has a null '" + field + "'");
        }
        if (!v.isTextual()) {
            throw new Rejection(what + " has a '" + field + "' that is " + kind(v) + ", not text");
        }
        return v.textValue();
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
