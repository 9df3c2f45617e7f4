package dev.undertone.app.cli;

import dev.undertone.app.source.Secrets;
import dev.undertone.opensearch.OpenSearchConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options that point a command at the OpenSearch store instead of the local Lucene index:
 * {@code --store opensearch://HOST:PORT/INDEX} (or {@code opensearch+https://}) with basic auth and
 * TLS settings for managed clusters. The password comes from {@value Secrets#OPENSEARCH_PASSWORD}
 * in the environment or the secrets file, never from the command line.
 */
public final class OpenSearchStoreOptions {

    @Option(
            names = "--store",
            paramLabel = "URI",
            description =
                    "Read posts from OpenSearch: opensearch://HOST:PORT/INDEX, or"
                            + " opensearch+https://... (default: the local Lucene index).")
    String store;

    @Option(
            names = "--opensearch-user",
            paramLabel = "USER",
            description =
                    "Basic-auth user; the password is read from "
                            + Secrets.OPENSEARCH_PASSWORD
                            + " (environment or --secrets file).")
    String user;

    @Option(
            names = "--opensearch-ca-cert",
            paramLabel = "PEM",
            description = "The CA certificate(s) that signed the cluster's TLS certificate.")
    Path caCert;

    @Option(
            names = "--opensearch-insecure",
            description = "Accept any TLS certificate (self-signed test clusters only).")
    boolean insecureTls;

    /** Whether {@code --store} names OpenSearch. */
    public boolean isSet() {
        return store != null;
    }

    /**
     * The cluster configuration.
     *
     * @throws UsageException naming the option when a value is invalid or the password is missing
     */
    public OpenSearchConfig config(Secrets secrets) {
        OpenSearchConfig c;
        try {
            c = OpenSearchConfig.parse(store);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--store: " + e.getMessage());
        }
        if (user != null) {
            String password =
                    secrets.get(Secrets.OPENSEARCH_PASSWORD)
                            .orElseThrow(
                                    () ->
                                            new UsageException(
                                                    "--opensearch-user needs a password: set "
                                                            + Secrets.OPENSEARCH_PASSWORD
                                                            + " or give it in --secrets FILE"));
            c = c.withBasicAuth(user, password);
        }
        if (caCert != null && !Files.isReadable(caCert)) {
            throw new UsageException("--opensearch-ca-cert: cannot read " + caCert);
        }
        if (caCert != null || insecureTls) {
            c = c.withTls(caCert == null ? null : caCert.toString(), insecureTls);
        }
        return c;
    }
}
