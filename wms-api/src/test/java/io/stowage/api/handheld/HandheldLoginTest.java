package io.stowage.api.handheld;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** Logging in on the handheld against the real service: an unknown badge, wrong PINs until the badge locks. */
class HandheldLoginTest extends ApiTest {

    @Autowired
    Environment environment;

    @TempDir
    Path device;

    @Test
    void anUnknownBadgeAndALockedBadgeGetAClearScreenAndNoSession() {
        HandheldFloor floor = HandheldFloor.create(this);
        ScriptedHandheld rf = new ScriptedHandheld("http://127.0.0.1:" + environment.getProperty("local.server.port"), device, "RF-LOGIN", 20, 16);

        // Another first digit than the picker's own (a badge "B9..." made "B9..." again when the picker's began with 9).
        char first = floor.pickerBadge.charAt(1);
        String unknown = "B" + (first == '9' ? '8' : '9') + floor.pickerBadge.substring(2);
        rf.expect(unknown, "Enter PIN");
        rf.expect("1357", "Unknown badge or wrong PIN");
        assertThat(rf.instruction()).isEqualTo("Scan your badge");

        for (int attempt = 1; attempt < 5; attempt++) {
            rf.expect(floor.pickerBadge, "Enter PIN");
            rf.expect("0000", "Unknown badge or wrong PIN");
        }
        rf.expect(floor.pickerBadge, "Enter PIN");
        rf.expect("0000", "locked until");
        rf.expect(floor.pickerBadge, "Enter PIN");
        rf.expect(HandheldFloor.PICKER_PIN, "locked until");
        assertThat(rf.instruction()).isEqualTo("Scan your badge");
        assertThat(rf.transcript()).doesNotContain("Exception", "Choose a task");
    }
}
