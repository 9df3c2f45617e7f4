package dev.undertone.models.accurate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Flink loads a job's code in a class loader of its own and makes a new one when a failed job
 * restarts, while the JVM (the task manager) lives on; a native library that loads only once per
 * JVM would fail the restarted job. This loads the model, ONNX Runtime and the tokenizer in two
 * isolated class loaders of one JVM, as such a restart does, and scores with both.
 */
class TwoClassLoadersTest {

    @Test
    void theModelLoadsAndScoresInASecondClassLoaderOfTheSameJvm() throws Exception {
        URL[] classpath = classpath();
        List<String> texts = List.of("I love it", "I hate it");
        try (URLClassLoader first =
                        new URLClassLoader(classpath, ClassLoader.getPlatformClassLoader());
                URLClassLoader second =
                        new URLClassLoader(classpath, ClassLoader.getPlatformClassLoader())) {
            Object a = load(first);
            Object b = load(second);
            assertThat(a.getClass()).isNotSameAs(b.getClass());
            assertThat(a.getClass()).isNotSameAs(AccurateModel.class);
            String fromFirst = classify(a, texts);
            String fromSecond = classify(b, texts);
            assertThat(fromFirst).contains("POSITIVE").contains("NEGATIVE");
            assertThat(fromSecond).isEqualTo(fromFirst);
            close(a);
            close(b);
        }
    }

    private static Object load(ClassLoader loader) throws Exception {
        Class<?> models = Class.forName(AccurateModels.class.getName(), true, loader);
        return models.getMethod("builtIn").invoke(null);
    }

    private static String classify(Object model, List<String> texts) throws Exception {
        Object results = model.getClass().getMethod("classify", List.class).invoke(model, texts);
        List<String> labels = new ArrayList<>();
        for (Object r : (List<?>) results) {
            labels.add(String.valueOf(r.getClass().getMethod("sentiment").invoke(r)));
        }
        return labels.toString();
    }

    private static void close(Object model) throws Exception {
        model.getClass().getMethod("close").invoke(model);
    }

    private static URL[] classpath() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }
}
