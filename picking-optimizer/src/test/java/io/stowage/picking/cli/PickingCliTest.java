package io.stowage.picking.cli;

import io.stowage.picking.PickingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PickingCliTest {

    @Test
    void theDocumentedExampleIsRoutedAndBatchedByEveryMethod() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new PickingCli(new PrintStream(printed, true, StandardCharsets.UTF_8))
                .run(PickingInstance.read(Path.of("examples/small-warehouse.json")), false);
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("pick list PL-1", "pick list PL-2", "s-shape", "largest-gap", "return", "held-karp",
                "best (held-karp)", "fcfs:", "savings+ils:", "optaplanner:", "batch 1:");
        // the example blocks aisle 3, so the single-block optimum of Ratliff and Rosenthal does not apply
        assertThat(output).doesNotContain("ratliff-rosenthal");
    }

    @Test
    void mistakesInTheFileAreReportedAsPickingErrors(@TempDir Path directory) throws IOException {
        Path misspelt = Files.writeString(directory.resolve("misspelt.json"),
                "{\"layout\": {\"grid\": {\"aisles\": 2, \"blocks\": 1, \"baysPerBlock\": 3, \"bayWidth\": 1, "
                        + "\"aisleSpacing\": 3, \"crossAisleWidth\": 2, \"depotX\": 0}}, \"pickList\": []}");
        assertThatThrownBy(() -> PickingInstance.read(misspelt)).isInstanceOf(PickingException.class).hasMessageContaining("pickList");
        Path noCart = Files.writeString(directory.resolve("no-cart.json"),
                "{\"layout\": {\"grid\": {\"aisles\": 2, \"blocks\": 1, \"baysPerBlock\": 3, \"bayWidth\": 1, "
                        + "\"aisleSpacing\": 3, \"crossAisleWidth\": 2, \"depotX\": 0}}, \"orders\": [{\"orderId\": \"o\", "
                        + "\"locationCodes\": [\"A01-001-L\"], \"totes\": 1, \"volumeCm3\": 1, \"weightGrams\": 1, "
                        + "\"createdAt\": \"2026-11-23T08:00:00Z\", \"express\": false}]}");
        assertThatThrownBy(() -> PickingInstance.read(noCart)).isInstanceOf(PickingException.class).hasMessageContaining("cart");
        assertThatThrownBy(() -> PickingInstance.read(directory.resolve("absent.json"))).isInstanceOf(PickingException.class);
    }
}
