package dev.undertone.core.text;

/**
 * Maps the commonest face and heart emoji to the ASCII emoticons that stand for the same feeling in
 * the training tweets, which contain no emoji at all (TweetEval kept ASCII only). Emoji not listed
 * are kept as they are.
 */
final class Emoticons {

    private static final String SMILE = " :)";
    private static final String GRIN = " :D";
    private static final String LAUGH = " lol";
    private static final String WINK = " ;)";
    private static final String TONGUE = " :P";
    private static final String LOVE = " <3";
    private static final String SAD = " :(";
    private static final String CRY = " :'(";
    private static final String ANGRY = " >:(";
    private static final String BROKEN_HEART = " </3";

    private Emoticons() {}

    /** The emoticon (with a leading space, as a token of its own) for an emoji, or null. */
    static String of(int cp) {
        if (cp < 0x2600) {
            return null;
        }
        return switch (cp) {
            case 0x263A, 0x1F642, 0x1F60A, 0x1F607, 0x1F60C, 0x1F917, 0x1F60E -> SMILE;
            case 0x1F600, 0x1F603, 0x1F604, 0x1F601, 0x1F606, 0x1F929, 0x1F973 -> GRIN;
            case 0x1F602, 0x1F923 -> LAUGH;
            case 0x1F609 -> WINK;
            case 0x1F61B, 0x1F61C, 0x1F61D, 0x1F60B -> TONGUE;
            case 0x2764,
                    0x2665,
                    0x1F60D,
                    0x1F970,
                    0x1F618,
                    0x1F495,
                    0x1F496,
                    0x1F497,
                    0x1F498,
                    0x1F499,
                    0x1F49A,
                    0x1F49B,
                    0x1F49C,
                    0x1F9E1,
                    0x1F49D,
                    0x1F49E,
                    0x1F493 ->
                    LOVE;
            case 0x2639, 0x1F641, 0x1F61E, 0x1F614, 0x1F61F, 0x1F615, 0x1F629, 0x1F62B, 0x1F613 ->
                    SAD;
            case 0x1F622, 0x1F62D, 0x1F625 -> CRY;
            case 0x1F620, 0x1F621, 0x1F92C, 0x1F624 -> ANGRY;
            case 0x1F494 -> BROKEN_HEART;
            default -> null;
        };
    }
}
