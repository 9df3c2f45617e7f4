package dev.undertone.core.track;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Frequent short words of the Latin-script languages the detector tells apart, and letters that
 * mostly one of them uses. Hand-picked for short social posts: words that are common in one
 * language and rare in the others.
 */
final class Stopwords {
    /** Languages in the order ties are NOT broken (a tie means "unknown"). */
    static final List<String> LANGUAGES =
            List.of("en", "es", "pt", "fr", "de", "it", "nl", "pl", "tr", "sv", "id", "hi");

    private static final Map<String, String> WORDS =
            Map.ofEntries(
                    Map.entry(
                            "en",
                            "the and is are was were to of in that it for on with as at be this have"
                                    + " from or by not but what all they we you he she his her my your"
                                    + " our their i me so if about just can will would there been has had"
                                    + " do does did yes an which who when out up more than then them these"
                                    + " some very get got like know think really because how why one good"
                                    + " great today time people anyone else feel finally still"),
                    Map.entry(
                            "es",
                            "el la los las del que y en un una es por con para se su sus al lo como"
                                    + " más pero le ya este esta muy sin sobre también mi hay son fue ser"
                                    + " está están todo nos cuando donde porque qué quien yo tu te hoy bien"
                                    + " gracias otra otro vez aquí llegó fin ni"),
                    Map.entry(
                            "pt",
                            "o os as do da dos das que em um uma é para com não por na no nas nos"
                                    + " mais mas como foi ser está muito também já eu você ele ela isso"
                                    + " isto esse essa meu minha seu sua tem ter são hoje obrigado aqui sem"
                                    + " melhor jogo ontem"),
                    Map.entry(
                            "fr",
                            "le la les des du un une et est en que qui pour pas dans sur avec ne au"
                                    + " aux ce cette il elle je tu nous vous ils sont mais ou plus par se sa"
                                    + " son ses mon ma mes très aussi être avoir fait ça bien tout vraiment"
                                    + " ici pareil c j"),
                    Map.entry(
                            "de",
                            "der die das und ist nicht ich du er sie es wir ihr ein eine einen zu den"
                                    + " dem mit von auf für im sind war auch aber wie noch nur schon heute"
                                    + " sehr hier wenn dass mein meine kein keine bei nach aus oder um ab"
                                    + " unser unsere leider neu werden muss heute"),
                    Map.entry(
                            "it",
                            "il lo la i gli le di del della che e è un una per non con sono mi ti ci"
                                    + " si anche ma come più questo questa molto oggi tutto bene grazie ho"
                                    + " ha hanno sei siamo perché quando dove ancora"),
                    Map.entry(
                            "nl",
                            "de het een en van is dat niet ik je jij hij zij wij we op te in met voor"
                                    + " zijn maar ook als er bij nog wel geen naar om dit die zo heel"
                                    + " vandaag echt mijn"),
                    Map.entry(
                            "pl",
                            "i w na nie się jest to że do z jak co ale za o tak już od po czy mnie"
                                    + " jestem dla bardzo tylko jego jej są być był była może dzisiaj"),
                    Map.entry(
                            "tr",
                            "ve bir bu da de için ile çok ne ama gibi daha ben sen biz var yok değil"
                                    + " mi mı olarak kadar sonra şey bugün artık her"),
                    Map.entry(
                            "sv",
                            "och att det som en ett är på av för med inte jag du han hon vi ni de den"
                                    + " till har var om men så kan från också mycket här idag bara"),
                    Map.entry(
                            "id",
                            "dan yang di ini itu dengan untuk tidak ada saya aku kamu dari ke akan"
                                    + " juga sudah bisa karena atau jadi sangat hari lagi kita mereka"),
                    // Hindi written in Latin letters (most Hindi posts): no library detects it.
                    // Words that other listed languages do not use (not "se", "par", "to", "me").
                    Map.entry(
                            "hi",
                            "hai hain nahi nahin nhi kya kyu kyun aur bhi mein mujhe tum aap apna"
                                    + " apni hum koi kuch kuchh kaise yeh woh tha thi raha rahi rahe"
                                    + " karo kiya diya gaya hota hoga sab bahut bohot accha acha achha"
                                    + " bhai yaar ka ki ke ko abhi aaj sirf sahi hua hui lagta baat"
                                    + " haan saath liye wala wali kr gye jaa"));

    private static final Map<String, String> LETTERS =
            Map.of(
                    "es", "ñ¿¡",
                    "pt", "ãõ",
                    "fr", "èêùûœëî",
                    "de", "ßäöü",
                    "pl", "łąęśźżćń",
                    "tr", "ğşı",
                    "sv", "å");

    private Stopwords() {}

    /** For each word, the indexes (into {@link #LANGUAGES}) of the languages listing it. */
    static Map<String, int[]> wordIndex() {
        Map<String, int[]> index = new HashMap<>();
        for (int l = 0; l < LANGUAGES.size(); l++) {
            for (String w : WORDS.get(LANGUAGES.get(l)).split(" ")) {
                int lang = l;
                index.merge(w, new int[] {lang}, (a, b) -> contains(a, lang) ? a : append(a, lang));
            }
        }
        return index;
    }

    /** For each telling letter, the index of its language. */
    static Map<Integer, Integer> letterIndex() {
        Map<Integer, Integer> index = new HashMap<>();
        LETTERS.forEach(
                (lang, letters) ->
                        letters.codePoints().forEach(cp -> index.put(cp, LANGUAGES.indexOf(lang))));
        return index;
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private static int[] append(int[] a, int v) {
        int[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = v;
        return out;
    }
}
