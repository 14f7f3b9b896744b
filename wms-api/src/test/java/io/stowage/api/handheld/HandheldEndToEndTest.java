package io.stowage.api.handheld;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The scripted handheld drives the real service through a shift: a receiver receives against an
 * ASN and blind (GTIN, lot and expiry from one GS1-128 scan), puts away to the suggestion and to an
 * override, a wave is released, the picker picks its batch in route order into the orders' totes,
 * and the ledger and the reconciliations agree at the end. Wrong and garbage scans on the way ring
 * the bell and never advance a step.
 */
class HandheldEndToEndTest extends ApiTest {

    @Autowired
    Environment environment;

    @TempDir
    Path device;

    private String server() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port");
    }

    @Test
    void receivesPutsAwayAndPicksAWaveWithTheBooksInAgreement() throws Exception {
        HandheldFloor floor = HandheldFloor.create(this);
        String asnReference = "ASN-" + floor.node;
        floor.asn(asnReference, "TEE-M-NAVY", 6);
        ScriptedHandheld rf = new ScriptedHandheld(server(), device, "RF-E2E", 40, 16);

        rf.expect("", "Scan your badge");
        rf.expectRefused("HELLO", "not a badge");
        rf.expect(floor.receiverBadge, "Enter PIN");
        rf.expect("2468", "Choose a task");
        assertThat(rf.screen()).contains("Receive", "Put away", "Count").doesNotContain(" Pick");

        rf.choose("Receive");
        rf.expect("1", asnReference);
        rf.expect("1", "Scan dock location");
        rf.expectRefused("%%garbage%%", "not a code we know");
        rf.expect("DOCK-1", "Scan item");
        String wrongCheckDigit = floor.gtins.get("TEE-M-NAVY").substring(0, 12) + ((floor.gtins.get("TEE-M-NAVY").charAt(12) - '0' + 1) % 10);
        rf.expectRefused("(01)0" + wrongCheckDigit + "(17)271231", "Bad label");
        rf.expectRefused("(01)0" + floor.gtins.get("TEE-M-NAVY") + "(17)271341", "Bad label");
        rf.expect(floor.gtins.get("TEE-M-NAVY"), "Qty 1");
        rf.expect("6", "Qty 6");
        rf.expect("", "Received 6 TEE-M-NAVY (6/6)");
        String suggested = rf.read("Put away to (\\S+)");
        rf.expect("", "Go to " + suggested);
        rf.expectRefused("DOCK-1X", "scan location " + suggested);
        rf.expect(suggested, "Put away 6 at " + suggested);

        // Blind: the lot-tracked milk's GS1-128 label gives GTIN, expiry and lot in one scan.
        rf.expect("<ESC>", "Scan dock location");
        rf.expect("<ESC>", "ASN or blind?");
        rf.expect("2", "Scan dock location");
        rf.expect("DOCK-1", "Scan item");
        rf.expect(floor.gs1Label("MILK-1L", LocalDate.of(2027, 3, 31), "L42"), "Qty 1");
        assertThat(rf.screen()).contains("lot L42", "2027-03-31");
        rf.expect("4", "Qty 4");
        rf.expect("", "Received 4 MILK-1L");
        String milkSuggestion = rf.read("Put away to (\\S+)");
        String override = "P-04-02-A".equals(milkSuggestion) ? "P-04-03-A" : "P-04-02-A";
        rf.expect("", "Go to " + milkSuggestion);
        rf.expectRefused(override, "scan " + override + " again");
        rf.expect(override, "Put away 4 at " + override);
        rf.expect("<ESC>", "Scan dock location");
        rf.expect("<ESC>", "ASN or blind?");
        rf.expect("<ESC>", "Choose a task");
        rf.expect("<F10>", "Scan your badge");

        String order = floor.order("web-" + floor.node, "TEE-M-NAVY", 2, "MILK-1L", 1);
        String second = floor.order("web2-" + floor.node, "TEE-M-NAVY", 3);
        floor.releasedWave();

        rf.expect(floor.pickerBadge, "Enter PIN");
        rf.expectRefused("99x", "digits only");
        rf.expect("1357", "Choose a task");
        rf.choose("Pick");
        int picks = pickTheBatch(rf, floor, suggested, override);

        assertThat(picks).isGreaterThanOrEqualTo(2);
        assertThat(floor.orderStatus(order)).isEqualTo("picked");
        assertThat(floor.orderStatus(second)).isEqualTo("picked");
        List<Map<String, Object>> tees = floor.movements("TEE-M-NAVY");
        assertThat(tees).extracting(m -> m.get("kind")).containsOnly("receipt", "putaway", "pick");
        assertThat(tees).filteredOn(m -> "pick".equals(m.get("kind"))).extracting(m -> (Integer) m.get("quantity"))
                .satisfies(quantities -> assertThat(quantities.stream().mapToInt(Integer::intValue).sum()).isEqualTo(5));
        assertThat(tees).allSatisfy(m -> assertThat(m.get("device_id")).isEqualTo("RF-E2E"));
        assertThat(floor.movements("MILK-1L")).filteredOn(m -> "pick".equals(m.get("kind")))
                .singleElement().satisfies(m -> assertThat(m.get("lot_number")).isEqualTo("L42"));
        floor.assertBooksAgree();
        assertThat(Files.list(device.resolve("queue/pending"))).as("nothing left waiting").isEmpty();
        assertThat(rf.transcript()).doesNotContain("Exception", "at io.stowage");
    }

    /**
     * Receiving by the label on the box: the merchant's ASN names the SSCCs its lines arrive in; the
     * receiver scans a carton's SSCC and the screen shows that ASN with the lines the carton holds, then
     * the pallet's with both lines. An SSCC no ASN here names, or one with a wrong check digit, rings the
     * bell and changes nothing; an ASN naming a number that is not an SSCC is refused whole.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aScannedSsccFindsTheAsnLinesItHoldsOrIsUnknown() {
        HandheldFloor floor = HandheldFloor.create(this);
        String reference = "ASN-SSCC-" + floor.node;
        String carton = HandheldFloor.newSscc();
        String pallet = HandheldFloor.newSscc();
        floor.merchant().post().uri("/api/v1/asns").bodyValue(Map.of("reference", reference + "-BAD", "node_code", floor.node,
                        "expected_on", LocalDate.now().toString(), "lines", List.of(Map.of("sku", "TEE-M-NAVY", "quantity", 1,
                                "ssccs", List.of(carton.substring(0, 17) + (carton.charAt(17) - '0' + 1) % 10)))))
                .exchange().expectStatus().isEqualTo(422).expectBody(String.class).value(body -> assertThat(body).contains("lines[0].ssccs[0]"));
        floor.merchant().get().uri("/api/v1/asns/{reference}", reference + "-BAD").exchange().expectStatus().isNotFound();
        floor.merchant().post().uri("/api/v1/asns").bodyValue(Map.of("reference", reference, "node_code", floor.node, "supplier", "Baltic Linen",
                        "expected_on", LocalDate.now().toString(), "lines", List.of(
                                Map.of("sku", "TEE-M-NAVY", "quantity", 4, "ssccs", List.of("(00)" + carton, pallet)),
                                Map.of("sku", "TEE-L-NAVY", "quantity", 2, "ssccs", List.of(pallet)))))
                .exchange().expectStatus().isCreated();
        Map<?, ?> asn = floor.merchant().get().uri("/api/v1/asns/{reference}", reference).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<?, ?>>) asn.get("lines")).extracting(line -> (Object) line.get("ssccs"))
                .containsExactly(List.of(carton, pallet).stream().sorted().toList(), List.of(pallet));

        ScriptedHandheld rf = new ScriptedHandheld(server(), device, "RF-SSCC", 40, 16);
        rf.expect(floor.receiverBadge, "Enter PIN");
        rf.expect(HandheldFloor.RECEIVER_PIN, "Choose a task");
        rf.choose("Receive");
        assertThat(rf.flat()).contains("Or scan a carton's or pallet's SSCC");
        String unknown = HandheldFloor.newSscc();
        rf.expectRefused(unknown, "SSCC " + unknown + " is on no ASN this warehouse expects");
        rf.expectRefused("(00)" + carton.substring(0, 17) + (carton.charAt(17) - '0' + 1) % 10, "Bad label");
        rf.expect("(00)" + carton, "SSCC on ASN " + reference + ", 1 line(s)");
        assertThat(rf.instruction()).isEqualTo("Scan dock location");
        rf.expect("DOCK-1", "Scan item");
        assertThat(rf.flat()).contains("SSCC " + carton, "TEE-M-NAVY 0/4").doesNotContain("TEE-L-NAVY");
        rf.expect(floor.gtins.get("TEE-M-NAVY"), "Qty 1");
        rf.expect("4", "Qty 4");
        rf.expect("", "Received 4 TEE-M-NAVY (4/4)");
        assertThat(rf.flat()).contains("TEE-M-NAVY 4/4");
        rf.expect(pallet, "SSCC on ASN " + reference + ", 2 line(s)");
        assertThat(rf.flat()).contains("Scan item", "SSCC " + pallet, "TEE-M-NAVY 4/4", "TEE-L-NAVY 0/2");
        rf.expect(floor.gtins.get("TEE-L-NAVY"), "Qty 1");
        rf.expect("2", "Qty 2");
        rf.expect("", "Received 2 TEE-L-NAVY (2/2)");
        assertThat(floor.movements("TEE-L-NAVY")).extracting(m -> m.get("kind")).containsExactly("receipt");
        assertThat(rf.transcript()).doesNotContain("Exception", "at io.stowage");
    }

    /**
     * Walks the batch as the screens say: go to the location, scan it, scan the item (and type the
     * count when more than one), scan the tote. A wrong shelf and a wrong tote are tried once each.
     */
    static int pickTheBatch(HandheldScreen rf, HandheldFloor floor, String... shelves) {
        int picks = 0;
        boolean triedWrongOnes = false;
        while (rf.screen().contains("Go to ")) {
            String location = rf.read("Go to (\\S+)");
            String sku = rf.read("(\\S+)(?: lot \\S+)? Qty \\d+ Tote");
            int quantity = Integer.parseInt(rf.read("Qty (\\d+)"));
            int tote = Integer.parseInt(rf.read("Tote (\\d+)"));
            if (!triedWrongOnes) {
                String elsewhere = List.of(shelves).stream().filter(s -> !s.equals(location)).findFirst().orElse("P-03-01-A");
                rf.expectRefused(elsewhere, "go to " + location);
            }
            rf.expect(location, "Scan item");
            String label = sku.startsWith("MILK") ? floor.gs1Label(sku, LocalDate.of(2027, 3, 31), "L42") : floor.gtins.get(sku);
            rf.feed(label);
            if (quantity > 1) {
                rf.expect(String.valueOf(quantity), "Scan tote " + tote);
            }
            assertThat(rf.instruction()).isEqualTo("Scan tote " + tote);
            if (!triedWrongOnes) {
                rf.expectRefused("T" + (tote % 4 + 1), "use tote " + tote);
                triedWrongOnes = true;
            }
            rf.expect("T" + tote, "Picked " + quantity + " " + sku);
            picks++;
        }
        assertThat(rf.screen()).as(rf.transcript()).contains("Batch done");
        return picks;
    }
}
