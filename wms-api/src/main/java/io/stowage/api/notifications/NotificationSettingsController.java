package io.stowage.api.notifications;

import io.stowage.api.access.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Where a merchant's shopper emails go out; without settings, shoppers are left to the merchant's webhook. */
@RestController
class NotificationSettingsController {

    private final NotificationSettings settings;

    NotificationSettingsController(NotificationSettings settings) {
        this.settings = settings;
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
    Mono<NotificationSettings.SmtpView> put(@AuthenticationPrincipal Caller caller, @Valid @RequestBody SmtpRequest request) {
        return settings.put(caller.asMerchant().merchantId(), new NotificationSettings.Smtp(request.smtpHost().trim(), request.smtpPort(),
                blankToNull(request.smtpUsername()), blankToNull(request.smtpPassword()), request.fromAddress().trim(),
                !Boolean.FALSE.equals(request.starttls())));
    }

    @GetMapping("/api/v1/notification-settings")
    Mono<NotificationSettings.SmtpView> get(@AuthenticationPrincipal Caller caller) {
        return settings.get(caller.asMerchant().merchantId());
    }

    @DeleteMapping("/api/v1/notification-settings")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@AuthenticationPrincipal Caller caller) {
        return settings.delete(caller.asMerchant().merchantId());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
