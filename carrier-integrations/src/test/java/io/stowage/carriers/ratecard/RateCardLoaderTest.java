package io.stowage.carriers.ratecard;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateCardLoaderTest {

    private final RateCardLoader loader = new RateCardLoader();

    @Test
    void everySampleCardLoadsAndSaysItIsASample() {
        List<RateCard> cards = loader.loadSamples();

        assertThat(cards).hasSize(6);
        assertThat(cards).allSatisfy(card -> assertThat(card.notice()).startsWith("SAMPLE TARIFFS"));
        assertThat(cards).extracting(RateCard::carrier)
                .contains("latvijas-pasts", "lietuvos-pastas", "omniva", "dpd-baltics", "ukrposhta", "posta-slovenije");
    }

    @Test
    void refusesPricesForAZoneThatDoesNotExist() {
        String json = new String(sampleBytes("omniva.json"), StandardCharsets.UTF_8)
                .replaceFirst("\"FI\": \\[\\s*\\{", "\"NOWHERE\": [{");

        assertThatThrownBy(() -> loader.read("broken.json", json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRateCardException.class)
                .hasMessageContaining("broken.json")
                .hasMessageContaining("unknown zone NOWHERE");
    }

    @Test
    void refusesTextThatIsNotARateCard() {
        assertThatThrownBy(() -> loader.read("garbage.json", "{\"carrier\": [1, 2".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRateCardException.class)
                .hasMessageContaining("garbage.json");
    }

    private static byte[] sampleBytes(String name) {
        try (var in = RateCardLoader.class.getResourceAsStream("/io/stowage/carriers/ratecards/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
