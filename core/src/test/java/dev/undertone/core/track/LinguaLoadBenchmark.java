package dev.undertone.core.track;

import com.github.pemistahl.lingua.api.Language;
import it.unimi.dsi.fastutil.objects.Object2FloatMap;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * The first load of the language models, as the first post without a language pays it: the 70
 * models (5 n-gram lengths of the 14 languages of {@link LatinLanguageModels}) read and packed, in
 * a fresh JVM. Prints {@code {"mode":..,"ngrams":..,"thread_cpu_ms":..,"process_cpu_ms":..,
 * "wall_ms":..}}: the CPU time of the loading thread, and of the whole process (JIT and GC
 * included) from the start of {@code main}. Run each mode in its own JVM, alternated.
 *
 * <p>Usage: {@code app/bench.sh dev.undertone.core.track.LinguaLoadBenchmark MODE}, where MODE is
 * {@code direct} ({@link LinguaModelReader}, one model after another), {@code lingua} (Lingua's own
 * reader, then {@link PackedNgramModel#of}: the way before the direct reader) or {@code install}
 * ({@link LinguaPackedModels#install}, what the detector does: the direct reader on two threads, so
 * only the process CPU counts).
 */
public final class LinguaLoadBenchmark {
    private static final double NANOS_PER_MILLI = 1e6;

    private LinguaLoadBenchmark() {}

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "direct";
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os =
                (com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean();
        long process0 = os.getProcessCpuTime();
        long thread0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        long ngrams = 0;
        List<Object2FloatMap<String>> models = new ArrayList<>();
        switch (mode) {
            case "direct", "lingua" -> {
                for (Language language : LatinLanguageModels.LANGUAGES) {
                    for (int length = 1; length <= PackedNgramModel.MAX_LENGTH; length++) {
                        models.add(
                                mode.equals("direct")
                                        ? LinguaPackedModels.pack(language, length)
                                        : PackedNgramModel.of(
                                                LinguaOwnModels.read(language, length), length));
                    }
                }
            }
            case "install" -> {
                LinguaPackedModels.install(LatinLanguageModels.LANGUAGES);
                for (int length = 1; length <= PackedNgramModel.MAX_LENGTH; length++) {
                    models.addAll(LinguaPackedModels.loadedModels(length).values());
                }
            }
            default ->
                    throw new IllegalArgumentException(
                            "mode " + mode + ": direct, lingua or install");
        }
        long thread = threads.getCurrentThreadCpuTime() - thread0;
        long wall = System.nanoTime() - wall0;
        long process = os.getProcessCpuTime() - process0;
        for (Object2FloatMap<String> model : models) {
            ngrams += model.size();
        }
        System.out.printf(
                "{\"mode\":\"%s\",\"models\":%d,\"ngrams\":%d,\"thread_cpu_ms\":%.0f,"
                        + "\"process_cpu_ms\":%.0f,\"wall_ms\":%.0f}%n",
                mode,
                models.size(),
                ngrams,
                thread / NANOS_PER_MILLI,
                process / NANOS_PER_MILLI,
                wall / NANOS_PER_MILLI);
    }
}
