package dev.undertone.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time to a usable dashboard after {@code undertone serve}: starts the jar in a child JVM, waits
 * for the URL it prints, then fetches everything the page loads (page, script, chart library,
 * summary, timeline, terms, posts). Prints {@code {"listening_ms":..,"usable_ms":..,
 * "serve_cpu_ms":..}}: wall times from the launch of the child process, and the CPU time the child
 * used until then. Target (issue 4): at most 3 s.
 *
 * <p>Usage: {@code app/bench.sh ServeStartupBenchmark app/target/undertone.jar DATA_DIR} (build the
 * jar first: {@code ./mvnw -pl app -am package -DskipTests}).
 */
public final class ServeStartupBenchmark {
    private static final Pattern URL = Pattern.compile("\\{\"url\":\"(http://[^\"]+)\"}");
    private static final List<String> PAGE_LOADS =
            List.of(
                    "",
                    "app.js",
                    "app.css",
                    "vendor/chart.umd.min.js",
                    "api/summary",
                    "api/timeline?interval=auto",
                    "api/terms?field=hashtags&limit=10",
                    "api/posts?limit=50");
    private static final double NANOS_PER_MILLI = 1e6;

    private ServeStartupBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ServeStartupBenchmark JAR DATA_DIR");
            System.exit(2);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long t0 = System.nanoTime();
        Process p =
                new ProcessBuilder(java, "-jar", args[0], "serve", "--data", args[1], "--port", "0")
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
        try {
            String url = awaitUrl(p);
            long listening = System.nanoTime() - t0;
            HttpClient http = HttpClient.newHttpClient();
            for (String path : PAGE_LOADS) {
                HttpResponse<byte[]> r =
                        http.send(
                                HttpRequest.newBuilder(URI.create(url + path)).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    throw new IOException(url + path + " answered " + r.statusCode());
                }
            }
            long usable = System.nanoTime() - t0;
            // CPU time says more than wall time on a machine shared with other work.
            long cpuMillis =
                    p.toHandle().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
            System.out.printf(
                    "{\"listening_ms\":%.0f,\"usable_ms\":%.0f,\"serve_cpu_ms\":%d}%n",
                    listening / NANOS_PER_MILLI, usable / NANOS_PER_MILLI, cpuMillis);
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    private static String awaitUrl(Process p) throws IOException {
        BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher m = URL.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new IOException("serve exited before printing its URL");
    }
}
