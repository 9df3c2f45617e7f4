package dev.undertone.core.track;

import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.core.post.Post;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en|Is anyone else's train app down this morning? Mine just spins.",
                "en|Just finished the half marathon in the rain and I feel amazing! #running",
                "en|Oh great, another update that breaks everything.",
                "es|El tren de las 8:15 otra vez con 40 minutos de retraso. Ya no aguanto más esta línea.",
                "es|¡Por fin llegó la primavera! 🌸 #primavera",
                "es|Sin café no hay paraíso",
                "pt|Que jogo incrível ontem! Melhor partida da temporada, sem dúvida.",
                "pt|Não sei se vou conseguir ir hoje, estou muito cansado",
                "fr|Pareil ici, c'est vraiment décevant.",
                "fr|Je ne sais pas pourquoi il pleut encore aujourd'hui",
                "de|Fahrplanänderung ab Montag: Details unter bahn.example/info",
                "de|Unser Espresso heute war leider viel zu bitter. Die Mühle muss neu eingestellt werden.",
                "it|Oggi il caffè è molto buono, grazie a tutti",
                "nl|Ik heb vandaag echt geen zin om te werken",
                "pl|Dzisiaj jest bardzo zimno, nie chce mi się wychodzić",
                "tr|Bugün hava çok güzel ama ben evde kalacağım",
                "sv|Jag har inte tid idag, men kanske imorgon",
                "id|Saya tidak bisa datang hari ini karena sakit",
                "ja|新しいカフェのラテは最高だったけど、店内がうるさすぎて残念…",
                "zh|我今天很高兴",
                "ko|오늘 날씨가 정말 좋네요",
                "ru|Сегодня очень хорошая погода",
                "uk|Сьогодні дуже гарна погода, і я щасливий",
                "el|Η Ελλάδα είναι πολύ όμορφη",
                "ar|الطقس جميل اليوم",
                "fa|امروز هوا خیلی خوب است و من خوشحالم",
                "he|מזג האוויר יפה היום",
                "th|วันนี้อากาศดีมาก",
                "hi|मुझे कॉफ़ी पसंद है",
            })
    void detectsTheLanguageOfTypicalPosts(String lang, String text) {
        assertThat(LanguageDetector.detect(text)).contains(lang);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"🙏🙏🙏", "12345", "#hashtag #only", "xyzzy plugh", "https://t.co/AbC"})
    void answersUnknownRatherThanGuess(String text) {
        assertThat(LanguageDetector.detect(text)).isEmpty();
    }

    @Test
    void blankTextIsUnknown() {
        assertThat(LanguageDetector.detect("  ")).isEmpty();
        assertThat(LanguageDetector.detect(null)).isEmpty();
    }

    @Test
    void fillsInOnlyPostsWithoutLanguages() {
        Post none = TrackTesting.post("the cat is on the mat");
        assertThat(LanguageDetector.fillIn(none).langs()).containsExactly("en");
        Post tagged = TrackTesting.post("the cat is on the mat", List.of(), List.of("fr"));
        assertThat(LanguageDetector.fillIn(tagged)).isSameAs(tagged);
        Post unknown = TrackTesting.post("🙏");
        assertThat(LanguageDetector.fillIn(unknown)).isSameAs(unknown);
    }

    @Test
    void detectsOnlyFromTheFirstThousandCharacters() {
        String text = "the cat is on the mat ".repeat(50) + "le chat est sur le tapis ".repeat(500);
        assertThat(LanguageDetector.detect(text)).isEqualTo(Optional.of("en"));
    }
}
