package io.stowage.api.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import io.stowage.barcodes.gs1.Sscc;
import org.junit.jupiter.api.Test;

class ScannedSsccTest {

    private static final String SSCC = Sscc.of("4771234", 0, 42).value();

    @Test
    void everyFormAScannerSendsGivesTheDigits() {
        assertThat(ScannedSscc.parse("sscc", SSCC)).isEqualTo(SSCC);
        assertThat(ScannedSscc.parse("sscc", " " + SSCC + " ")).isEqualTo(SSCC);
        assertThat(ScannedSscc.parse("sscc", "00" + SSCC)).isEqualTo(SSCC);
        assertThat(ScannedSscc.parse("sscc", "]C100" + SSCC)).isEqualTo(SSCC);
        assertThat(ScannedSscc.parse("sscc", "(00)" + SSCC)).isEqualTo(SSCC);
    }

    @Test
    void aMisreadOrAnotherBarcodeIsRefusedOnTheField() {
        String wrongCheckDigit = SSCC.substring(0, 17) + ((SSCC.charAt(17) - '0' + 1) % 10);
        for (String scan : new String[] {wrongCheckDigit, "12345", "(01)09506000134352", "]E04006381333931", "", "  "}) {
            assertThatThrownBy(() -> ScannedSscc.parse("sscc", scan))
                    .as(scan)
                    .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                        assertThat(problem.problemType()).isEqualTo(ProblemType.INVALID_REQUEST);
                        assertThat(problem.fieldProblems()).extracting(ApiProblem.FieldProblem::field).containsExactly("sscc");
                    });
        }
    }
}
