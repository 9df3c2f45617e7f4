package dev.undertone.app.cli;

import dev.undertone.app.source.Secrets;
import dev.undertone.app.web.ApiServerConfig;
import picocli.CommandLine.Option;

/** {@code --host}, {@code --port}, {@code --insecure}: where the dashboard and API listen. */
public final class ServerOptions {
    @Option(
            names = "--host",
            paramLabel = "H",
            defaultValue = ApiServerConfig.DEFAULT_HOST,
            description =
                    "Address to bind. Default: ${DEFAULT-VALUE}. Any other address needs"
                            + " UNDERTONE_AUTH_TOKEN (or --insecure).")
    String host;

    @Option(
            names = "--port",
            paramLabel = "P",
            defaultValue = "" + ApiServerConfig.DEFAULT_PORT,
            description = "Port to listen on (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(
            names = "--insecure",
            description = "Allow binding beyond localhost without UNDERTONE_AUTH_TOKEN.")
    boolean insecure;

    /** The server settings, with the token from the secrets. */
    public ApiServerConfig config(Secrets secrets) {
        try {
            return new ApiServerConfig(
                    host, port, secrets.get(Secrets.AUTH_TOKEN).orElse(null), insecure);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
