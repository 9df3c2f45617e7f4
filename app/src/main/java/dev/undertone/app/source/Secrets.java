package dev.undertone.app.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Tokens the sources need ({@code UNDERTONE_X_BEARER_TOKEN}, {@code UNDERTONE_MASTODON_TOKEN},
 * ...), read from the environment or from a {@code --secrets FILE} of {@code NAME=value} lines.
 * Values never appear in {@link #toString()}, and {@link #redact} hides them in any text about to
 * be logged or shown.
 */
public final class Secrets {
    /** The X API v2 App bearer token. */
    public static final String X_BEARER_TOKEN = "UNDERTONE_X_BEARER_TOKEN";

    /** A Mastodon user access token with {@code read:statuses}. */
    public static final String MASTODON_TOKEN = "UNDERTONE_MASTODON_TOKEN";

    /** The token that protects the HTTP API when bound beyond loopback. */
    public static final String AUTH_TOKEN = "UNDERTONE_AUTH_TOKEN";

    /** Basic-auth password of the OpenSearch store ({@code serve --store opensearch://...}). */
    public static final String OPENSEARCH_PASSWORD = "UNDERTONE_OPENSEARCH_PASSWORD";

    private static final List<String> NAMES =
            List.of(X_BEARER_TOKEN, MASTODON_TOKEN, AUTH_TOKEN, OPENSEARCH_PASSWORD);
    private static final String HIDDEN = "***";
    private static final Secrets NONE = new Secrets(Map.of());

    private final Map<String, String> values;

    private Secrets(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** No secrets at all. */
    public static Secrets none() {
        return NONE;
    }

    /** The known secrets from this process's environment. */
    public static Secrets fromEnvironment() {
        return fromMap(System.getenv());
    }

    /** The known secrets among {@code env} (for tests and embedding). */
    public static Secrets fromMap(Map<String, String> env) {
        Map<String, String> found = new HashMap<>();
        for (String name : NAMES) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                found.put(name, v.strip());
            }
        }
        return new Secrets(found);
    }

    /**
     * The secrets of {@code env}, overridden by those in {@code file}: {@code NAME=value} lines,
     * blank lines and {@code #} comments ignored, an optional {@code export } prefix and quotes
     * around the value allowed.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the line (never its value) when a line is malformed
     */
    public static Secrets load(Path file, Map<String, String> env) throws IOException {
        Map<String, String> all = new HashMap<>(fromMap(env).values);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(
                        "reading secrets file "
                                + file
                                + ": line "
                                + (i + 1)
                                + " is not NAME=value");
            }
            String name = line.substring(0, eq).strip();
            String value = unquote(line.substring(eq + 1).strip());
            if (!value.isEmpty()) {
                all.put(name, value);
            }
        }
        return new Secrets(all);
    }

    private static String unquote(String v) {
        if (v.length() >= 2
                && (v.startsWith("\"") && v.endsWith("\"")
                        || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    /** The value of the named secret, if set. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** {@code text} with every secret value replaced by {@code ***}; null stays null. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String v : values.values()) {
            out = out.replace(v, HIDDEN);
        }
        return out;
    }

    /** The names that are set, never the values. */
    @Override
    public String toString() {
        return "Secrets" + new TreeSet<>(values.keySet());
    }
}
