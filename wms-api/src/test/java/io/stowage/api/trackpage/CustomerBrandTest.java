package io.stowage.api.trackpage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomerBrandTest {

    @Test
    void everyColourGetsAHeaderTextThatReadsOnIt() {
        for (int r = 0; r < 256; r += 17) {
            for (int g = 0; g < 256; g += 17) {
                for (int b = 0; b < 256; b += 17) {
                    String colour = String.format("#%02x%02x%02x", r, g, b);
                    CustomerBrand brand = CustomerBrand.of("Shop", colour);
                    assertThat(brand.colour()).isEqualTo(colour);
                    assertThat(CustomerBrand.contrast(brand.colour(), brand.textColour())).as(colour).isGreaterThanOrEqualTo(4.5);
                    assertThat(CustomerBrand.contrast(brand.accent(), CustomerBrand.WHITE)).as("links on white for %s", colour)
                            .isGreaterThanOrEqualTo(4.5);
                    assertThat(CustomerBrand.contrast(brand.accent(), brand.onAccent())).isGreaterThanOrEqualTo(4.5);
                }
            }
        }
    }

    @Test
    void aLightBrandHasDarkTextAndKeepsThePagesOwnLinks() {
        CustomerBrand yellow = CustomerBrand.of("Shop", "#FFD400");
        assertThat(yellow.colour()).isEqualTo("#ffd400");
        assertThat(yellow.textColour()).isEqualTo(CustomerBrand.BLACK);
        assertThat(yellow.accent()).isEqualTo(CustomerBrand.DEFAULT_COLOUR);
        CustomerBrand navy = CustomerBrand.of("Shop", "#0b2a4a");
        assertThat(navy.textColour()).isEqualTo(CustomerBrand.WHITE);
        assertThat(navy.accent()).isEqualTo("#0b2a4a");
        assertThat(CustomerBrand.of("Shop", null).colour()).isEqualTo(CustomerBrand.DEFAULT_COLOUR);
        assertThat(CustomerBrand.contrast("#000000", "#ffffff")).isEqualTo(21.0);
    }
}
