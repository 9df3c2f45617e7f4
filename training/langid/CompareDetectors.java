import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.function.Function;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Measures language detectors on the UMSAB val texts (language from the folder) and TweetEval val
 * (English): right / none / wrong per language and CPU microseconds per post (one thread, models
 * loaded before timing). Run by training/langid/compare.sh; not part of the build.
 *
 * <p>Arguments: the shared data folder, the split (val or train), then optionally {@code --shipped}
 * (only core's detector, without loading the other libraries) and {@code --misses} (each text a
 * detector does not name right, on stderr). On val, the German row is also given over the texts
 * judged German by reading them (german-val-not-german.tsv lists the others).
 */
public class CompareDetectors {
    static final String[][] SETS = {
        {"ar", "arabic"}, {"de", "german"}, {"es", "spanish"}, {"fr", "french"},
        {"hi", "hindi"}, {"it", "italian"}, {"pt", "portuguese"}
    };

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared/data");
        String split = args.length > 1 ? args[1] : "val";
        List<String> flags = Arrays.asList(args).subList(Math.min(2, args.length), args.length);
        boolean shippedOnly = flags.contains("--shipped");
        boolean misses = flags.contains("--misses");
        Set<Integer> notGerman = new HashSet<>();
        if (split.equals("val")) {
            for (String line : Files.readAllLines(Path.of("training/langid/german-val-not-german.tsv"), StandardCharsets.UTF_8)) {
                if (!line.startsWith("#") && !line.isBlank()) notGerman.add(Integer.parseInt(line.substring(0, line.indexOf('\t'))));
            }
        }
        Map<String, List<String>> texts = new LinkedHashMap<>();
        for (String[] s : SETS) {
            texts.put(s[0], Files.readAllLines(shared.resolve("umsab-sentiment/" + s[1] + "/" + split + "_text.txt"), StandardCharsets.UTF_8));
        }
        texts.put("en", Files.readAllLines(shared.resolve("tweeteval-sentiment/" + split + "_text.txt"), StandardCharsets.UTF_8));

        Map<String, Function<String, String>> candidates = new LinkedHashMap<>();
        // What ships: script, then clear frequent words, then Lingua (core's LanguageDetector).
        candidates.put("undertone: script + words + Lingua", t -> dev.undertone.core.track.LanguageDetector.detect(t).orElse(null));
        if (!shippedOnly) {
            // The libraries alone on Latin-script text (same script step, same cleaning, same 14 languages).
            Language[] latin = {
                Language.ENGLISH, Language.GERMAN, Language.SPANISH, Language.FRENCH, Language.ITALIAN,
                Language.PORTUGUESE, Language.DUTCH, Language.CATALAN, Language.ROMANIAN, Language.POLISH,
                Language.SWEDISH, Language.TURKISH, Language.INDONESIAN, Language.DANISH
            };
            var lingua = LanguageDetectorBuilder.fromLanguages(latin).withMinimumRelativeDistance(0.01).withPreloadedLanguageModels().build();
            candidates.put("script + Lingua 1.2.2 high accuracy", t -> hybrid(t, x -> { String c = clean(x); return c == null ? null : iso(lingua.detectLanguageOf(c)); }));
            var low = LanguageDetectorBuilder.fromLanguages(latin).withMinimumRelativeDistance(0.01).withLowAccuracyMode().withPreloadedLanguageModels().build();
            candidates.put("script + Lingua 1.2.2 low accuracy", t -> hybrid(t, x -> { String c = clean(x); return c == null ? null : iso(low.detectLanguageOf(c)); }));
            List<LanguageProfile> all = new LanguageProfileReader().readAllBuiltIn();
            Set<String> want = new HashSet<>(List.of("en","de","es","fr","it","pt","nl","ca","ro","pl","sv","tr","id","da"));
            List<LanguageProfile> some = new ArrayList<>();
            for (LanguageProfile p : all) if (want.contains(p.getLocale().getLanguage())) some.add(p);
            var opt = com.optimaize.langdetect.LanguageDetectorBuilder.create(NgramExtractors.standard()).withProfiles(some).build();
            var shortText = com.optimaize.langdetect.text.CommonTextObjectFactories.forDetectingShortCleanText();
            candidates.put("script + optimaize 0.6 (p >= 0.5)", t -> hybrid(t, x -> { String c = clean(x); if (c == null) return null;
                List<DetectedLanguage> r = opt.getProbabilities(shortText.forText(c));
                return r.isEmpty() || r.get(0).getProbability() < 0.5 ? null : r.get(0).getLocale().getLanguage(); }));
            LanguageDetectorModel model;
            try (InputStream in = CompareDetectors.class.getClassLoader().getResourceAsStream("langdetect-183.bin")) {
                model = new LanguageDetectorModel(in);
            }
            var onlp = new LanguageDetectorME(model);
            Map<String, String> three = Map.ofEntries(
                Map.entry("eng","en"), Map.entry("deu","de"), Map.entry("spa","es"),
                Map.entry("fra","fr"), Map.entry("ita","it"), Map.entry("por","pt"));
            candidates.put("script + OpenNLP langdetect-183", t -> hybrid(t, x -> { String c = clean(x); if (c == null) return null;
                var best = onlp.predictLanguage(c); return three.getOrDefault(best.getLang(), best.getLang()); }));
        }
        long heapBefore = usedHeapAfterGc();
        System.out.println("| detector | " + String.join(" | ", texts.keySet()) + " | en other | CPU us/post |");
        for (var c : candidates.entrySet()) {
            StringBuilder row = new StringBuilder("| " + c.getKey() + " |");
            long n = 0;
            // warm up
            for (var e : texts.entrySet()) for (int i = 0; i < Math.min(200, e.getValue().size()); i++) c.getValue().apply(e.getValue().get(i));
            long start = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            double enOther = 0;
            String germanOnly = null;
            for (var e : texts.entrySet()) {
                int right = 0, none = 0, wrong = 0;
                Map<String, Integer> wrongs = new TreeMap<>();
                int line = 0, german = 0, germanRight = 0;
                for (String t : e.getValue()) {
                    String got = c.getValue().apply(t);
                    n++;
                    line++;
                    if (got == null) none++;
                    else if (got.equals(e.getKey())) right++;
                    else { wrong++; wrongs.merge(got, 1, Integer::sum); }
                    if (misses && !e.getKey().equals(got)) System.err.println(e.getKey() + "\t" + line + "\t" + got + "\t" + t);
                    if (e.getKey().equals("de") && !notGerman.contains(line)) { german++; if ("de".equals(got)) germanRight++; }
                }
                if (e.getKey().equals("de") && !notGerman.isEmpty()) germanOnly = String.format(Locale.ROOT, "de over the %d texts judged German: %.3f (%d right)", german, germanRight / (double) german, germanRight);
                int total = e.getValue().size();
                row.append(String.format(Locale.ROOT, " %.3f/%.3f/%.3f |", right / (double) total, none / (double) total, wrong / (double) total));
                if (e.getKey().equals("en")) enOther = wrong / (double) total;
                if (misses) System.err.println(c.getKey() + " " + e.getKey() + " wrong: " + wrongs);
            }
            double us = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - start) / 1e3 / n;
            row.append(String.format(Locale.ROOT, " %.3f | %.1f |", enOther, us));
            System.out.println(row);
            if (germanOnly != null) System.out.println("  " + germanOnly);
            if (c.getKey().startsWith("undertone")) {
                // What the shipped detector holds once it has run (its models): the used heap after
                // a full GC, less the same before its first call (texts and the other candidates).
                System.out.printf(Locale.ROOT, "  heap it holds after the run: %.0f MB%n", (usedHeapAfterGc() - heapBefore) / 1048576.0);
            }
        }
    }

    static long usedHeapAfterGc() {
        var memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    static final java.util.regex.Pattern NOISE = java.util.regex.Pattern.compile("(?:https?://|www\\.|[@#])\\S*|&[a-z]+;|\\bRT\\b|\\d+");
    static final java.util.regex.Pattern RUNS = java.util.regex.Pattern.compile("(\\p{L})\\1{2,}");

    /** The text without handles, hashtags, links, entities and digits; letter runs cut to two; null when fewer than 3 letters are left. */
    static String clean(String t) { return clean(t, 3); }
    static String clean(String t, int minLetters) {
        String c = RUNS.matcher(NOISE.matcher(t).replaceAll(" ")).replaceAll("$1$1").strip();
        int letters = 0;
        for (int i = 0; i < c.length(); i++) if (Character.isLetter(c.charAt(i))) letters++;
        return letters < minLetters ? null : c;
    }

    /** Text mostly in another script: the script step of core's detector; Latin text: the library. */
    static String hybrid(String t, Function<String, String> latin) {
        int latinLetters = 0, letters = 0;
        for (int i = 0; i < t.length(); i++) { char ch = t.charAt(i); if (Character.isLetter(ch)) { letters++; if (Character.UnicodeScript.of(ch) == Character.UnicodeScript.LATIN) latinLetters++; } }
        if (letters == 0) return null;
        if (latinLetters * 2 < letters) return dev.undertone.core.track.LanguageDetector.detect(t).orElse(null);
        return latin.apply(t);
    }

    static String iso(Language l) {
        return l == Language.UNKNOWN ? null : l.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
    }
}
