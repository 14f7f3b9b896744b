package io.stowage.scanner.offline;

import io.stowage.scanner.service.Problem;
import io.stowage.scanner.service.WmsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxTest {

    @TempDir
    Path directory;

    private static ObjectNode body(int quantity) {
        ObjectNode body = WmsClient.JSON.createObjectNode();
        body.put("quantity", quantity);
        return body;
    }

    @Test
    void confirmationsSurviveARestartInTheirOrderWithTheirKeys() {
        Outbox outbox = new Outbox(directory);
        outbox.add("RF-1-a", "/pick-tasks/1/confirm", body(1), "Pick A x1", "B1", "wt_1");
        outbox.add("RF-1-b", "/pick-tasks/2/confirm", body(2), "Pick B x2", "B1", "wt_1");
        outbox.add("RF-1-c", "/pick-tasks/3/confirm", body(3), "Pick C x3", "B1", "wt_1");

        Outbox restarted = new Outbox(directory);

        assertThat(restarted.pending()).extracting(Confirmation::idempotencyKey).containsExactly("RF-1-a", "RF-1-b", "RF-1-c");
        assertThat(restarted.pending().get(1).body().path("quantity").asInt()).isEqualTo(2);
        assertThat(restarted.waiting()).isEqualTo(3);
        restarted.delivered(restarted.pending().get(0));
        Confirmation next = restarted.add("RF-1-d", "/moves", body(4), "Move", "B1", "wt_1");
        assertThat(next.sequence()).as("a sequence is never reused after a restart").isEqualTo(4);
    }

    @Test
    void aQueueWrittenBeforeConfirmationsHadAMethodIsReadAsPosts() throws Exception {
        Files.writeString(Files.createDirectories(directory.resolve("pending")).resolve("000000000007.json"),
                "{\"sequence\":7,\"idempotency_key\":\"RF-1-old\",\"path\":\"/moves\",\"body\":{\"quantity\":1},\"summary\":\"Move\","
                        + "\"badge\":\"B1\",\"token\":\"wt_1\",\"queued_at\":\"2026-12-01T07:41:00Z\"}");

        Outbox outbox = new Outbox(directory);

        assertThat(outbox.pending()).singleElement().satisfies(old -> {
            assertThat(old.method()).isEqualTo(Confirmation.POST);
            assertThat(old.idempotencyKey()).isEqualTo("RF-1-old");
        });
        assertThat(outbox.add("RF-1-new", Confirmation.DELETE, "/loads/1/cartons/00123", body(0), "Take off", "B1", "wt_1").sequence())
                .isEqualTo(8);
        assertThat(new Outbox(directory).pending()).extracting(Confirmation::method).containsExactly("POST", "DELETE");
    }

    @Test
    void aRefusalAfterTheFactIsKeptUntilResolvedAndThenArchivedNotDeleted() throws Exception {
        Outbox outbox = new Outbox(directory);
        Confirmation confirmation = outbox.add("RF-1-a", "/pick-tasks/1/confirm", body(1), "Pick A x1", "B1", "wt_1");

        outbox.refusedLater(confirmation, new Problem("wrong-product", 422, "This task picks another product"));
        Outbox restarted = new Outbox(directory);

        assertThat(restarted.waiting()).isZero();
        assertThat(restarted.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.confirmation().summary()).isEqualTo("Pick A x1");
            assertThat(refusal.problem().detail()).isEqualTo("This task picks another product");
        });
        restarted.resolve(restarted.refusals().get(0));
        assertThat(restarted.refused()).isZero();
        try (Stream<Path> resolved = Files.list(directory.resolve("resolved"))) {
            assertThat(resolved).singleElement().satisfies(file -> assertThat(Files.readString(file)).contains("RF-1-a", "resolved_at"));
        }
    }

    @Test
    void aWorkerLoggingInAgainRenewsTheTokenOfTheirWaitingConfirmationsOnly() {
        Outbox outbox = new Outbox(directory);
        outbox.add("k1", "/moves", body(1), "Move", "B1", "wt_old");
        outbox.add("k2", "/moves", body(1), "Move", "B2", "wt_other");

        outbox.renewToken("B1", "wt_new");

        assertThat(outbox.pending()).extracting(Confirmation::token).containsExactly("wt_new", "wt_other");
    }
}
