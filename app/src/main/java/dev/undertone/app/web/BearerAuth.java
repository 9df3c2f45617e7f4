package dev.undertone.app.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Checks the {@code Authorization: Bearer TOKEN} header against {@code UNDERTONE_AUTH_TOKEN} in
 * constant time. With no token configured every request passes.
 */
final class BearerAuth {
    private static final String PREFIX = "Bearer ";

    private final byte[] token;

    BearerAuth(String token) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the request may read the API. */
    boolean allows(Context ctx) {
        if (token == null) {
            return true;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] given = header.substring(PREFIX.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token);
    }

    /** A before-handler: 401 with a JSON error unless {@link #allows} the request. */
    void require(Context ctx) {
        if (!allows(ctx)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"undertone\"");
            throw new UnauthorizedResponse(
                    "missing or wrong bearer token (the server's UNDERTONE_AUTH_TOKEN)", Map.of());
        }
    }

    static int status() {
        return HttpStatus.UNAUTHORIZED.getCode();
    }
}
