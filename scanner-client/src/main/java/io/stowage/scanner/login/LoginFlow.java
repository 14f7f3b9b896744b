package io.stowage.scanner.login;

import io.stowage.scanner.console.Input;
import io.stowage.scanner.console.Key;
import io.stowage.scanner.flow.Floor;
import io.stowage.scanner.flow.Flow;
import io.stowage.scanner.flow.Next;
import io.stowage.scanner.flow.WorkerSession;
import io.stowage.scanner.input.ScanKind;
import io.stowage.scanner.menu.MenuFlow;
import io.stowage.scanner.screen.Notice;
import io.stowage.scanner.screen.Screen;
import io.stowage.scanner.service.Answer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Badge scan, then PIN; the service decides (unknown badge, wrong PIN, locked badge). */
public final class LoginFlow implements Flow {

    private final Floor floor;
    private String badge;

    public LoginFlow(Floor floor) {
        this.floor = floor;
    }

    @Override
    public Screen screen() {
        if (badge == null) {
            return Screen.of("LOG IN", "Scan your badge", List.of("Device " + floor.deviceId()), "");
        }
        return new Screen("LOG IN " + badge, "Enter PIN", List.of("Type your PIN, then Enter"), "Esc other badge", true);
    }

    @Override
    public Next on(Input input) {
        if (badge == null) {
            if (input instanceof Input.Scanned scanned && scanned.kind() == ScanKind.BADGE) {
                badge = scanned.scan().code();
                return Next.stay();
            }
            return Next.wrong(input instanceof Input.Scanned scanned && scanned.kind() == ScanKind.UNKNOWN
                    && scanned.scan().problem().isEmpty() ? "That is not a badge: scan the badge on your card" : notABadge(input));
        }
        if (input.is(Key.BACK)) {
            badge = null;
            return Next.stay();
        }
        if (!(input instanceof Input.Scanned scanned) || !scanned.text().matches("\\d{1,12}")) {
            return Next.wrong("A PIN is digits only: type it, then Enter");
        }
        String tried = badge;
        badge = null;
        ObjectNode body = floor.newBody();
        body.put("badge_code", tried);
        body.put("pin", scanned.text());
        body.put("device_id", floor.deviceId());
        Answer answer = floor.api().post("/auth/worker-sessions", body, Optional.empty(), Optional.empty());
        if (answer instanceof Answer.Ok ok) {
            JsonNode session = ok.body();
            Set<String> roles = new HashSet<>();
            session.path("roles").forEach(role -> roles.add(role.asString()));
            String token = session.path("token").asString("");
            if (token.isBlank()) {
                return Next.wrong("The service's answer has no session: try again");
            }
            floor.loggedIn(new WorkerSession(tried, session.path("name").asString(tried), roles, token));
            return new Next.Replace(new MenuFlow(floor), Optional.of(Notice.info("Hello, " + session.path("name").asString(tried))));
        }
        if (answer instanceof Answer.Refused refused) {
            return Next.wrong(refused.problem().status() == 401 ? "Unknown badge or wrong PIN" : refused.problem().detail());
        }
        return Next.wrong("Cannot log in: " + answer.explain() + ". Log in needs the service");
    }

    private static String notABadge(Input input) {
        return io.stowage.scanner.flow.Scans.notA("your badge", input);
    }
}
