package io.stowage.api.notifications;

import io.stowage.api.access.Caller;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Where a merchant's shopper emails go out; without settings, shoppers are left to the merchant's webhook. */
@RestController
class NotificationSettingsController {

    private final NotificationSettings settings;
    private final Commands commands;

    NotificationSettingsController(NotificationSettings settings, Commands commands) {
        this.settings = settings;
        this.commands = commands;
    }

    record SmtpRequest(
            @NotBlank @Size(max = 255) String smtpHost,
            @NotNull @Min(1) @Max(65535) Integer smtpPort,
            @Size(max = 320) String smtpUsername,
            @Size(max = 500) String smtpPassword,
            @NotBlank @Email @Size(max = 320) String fromAddress,
            Boolean starttls) {
    }

    /** STARTTLS is on unless turned off, so that credentials do not cross the network in the clear by default. */
    @PutMapping("/api/v1/notification-settings")
    Mono<ResponseEntity<String>> put(@AuthenticationPrincipal Caller caller, @Valid @RequestBody SmtpRequest request) {
        UUID merchantId = caller.asMerchant().merchantId();
        NotificationSettings.Smtp smtp = new NotificationSettings.Smtp(request.smtpHost().trim(), request.smtpPort(),
                blankToNull(request.smtpUsername()), blankToNull(request.smtpPassword()), request.fromAddress().trim(),
                !Boolean.FALSE.equals(request.starttls()));
        return commands.run(CommandScope.merchant(merchantId), request, HttpStatus.OK, () -> settings.put(merchantId, smtp));
    }

    @GetMapping("/api/v1/notification-settings")
    Mono<NotificationSettings.SmtpView> get(@AuthenticationPrincipal Caller caller) {
        return settings.get(caller.asMerchant().merchantId());
    }

    @DeleteMapping("/api/v1/notification-settings")
    Mono<ResponseEntity<String>> delete(@AuthenticationPrincipal Caller caller) {
        UUID merchantId = caller.asMerchant().merchantId();
        return commands.run(CommandScope.merchant(merchantId), null, HttpStatus.NO_CONTENT, () -> settings.delete(merchantId));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
