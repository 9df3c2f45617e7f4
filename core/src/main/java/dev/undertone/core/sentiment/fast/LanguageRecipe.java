package dev.undertone.core.sentiment.fast;

/**
 * How one language's fast model is trained: the {@link TrainOptions} and how many TweetEval
 * (English) training tweets, the first ones of the file, join the language's own as shared examples
 * (emoji, emoticons, English words in code-mixed posts).
 *
 * @param language ISO 639-1 code
 * @param name a short name of the settings, for reports ({@code A}, {@code A+fold}, ...)
 * @param options the training settings
 * @param englishExamples TweetEval train tweets added (0 for none)
 */
public record LanguageRecipe(
        String language, String name, TrainOptions options, int englishExamples) {

    public LanguageRecipe {
        if (englishExamples < 0) {
            throw new IllegalArgumentException("englishExamples must be >= 0: " + englishExamples);
        }
    }
}
