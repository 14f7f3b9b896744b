package io.stowage.api.orders;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.stowage.api.input.LineQuantity;
import io.stowage.api.problem.ApiProblem;
import jakarta.validation.constraints.Max;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A merchant's new order. Without a service level it ships standard; without a channel it is the
 * {@code web} channel. {@code pickupStoreCode} names the store of a {@code store_pickup} order;
 * {@code carrierService} the carrier service the shopper chose at checkout ({@code omniva/locker}),
 * if the store offers a choice. The customer's {@code language} (a language tag) chooses the language
 * of what the warehouse puts in the parcel for them, such as the packing slip's thank-you note, and of
 * the notices they get; {@code notify} how they get them ({@code email}, {@code sms}, {@code both},
 * or {@code none}, the default), to their {@code email} and their E.164 {@code phone}.
 */
public record OrderRequest(
        @NotNull @Valid Customer customer,
        @NotEmpty @Size(max = OrderRequest.MAX_LINES) List<@NotNull @Valid Line> lines,
        ServiceLevel serviceLevel,
        @Size(max = 60) String pickupStoreCode,
        LocalDate promisedOn,
        @Size(max = 500) String giftMessage,
        @Size(min = 1, max = 100) String channel,
        @Size(max = 121) String carrierService) {

    public static final int MAX_LINES = 200;
    public static final String DEFAULT_CHANNEL = "web";

    public record Customer(
            @NotBlank @Size(max = 200) String name,
            @Email @Size(max = 320) String email,
            @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number such as +37060012345") String phone,
            @NotNull @Valid Address address,
            @Size(max = 35) @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", message = "must be a language tag such as lt, uk or en-GB")
            String language,
            @JsonProperty("notify") String notifyVia) {

        /** The language tag in its canonical form ({@code EN-gb} is {@code en-GB}); null when the store did not say. */
        String languageTag() {
            return language == null ? null : Locale.forLanguageTag(language).toLanguageTag();
        }
    }

    /** A postal address; coordinates are optional where the country's centre is known (see {@link CountryCentroids}). */
    public record Address(
            @Size(max = 300) String line,
            @Size(max = 100) String city,
            @Size(max = 20) String postalCode,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as LT") String country,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }

    public record Line(@NotBlank @Size(max = 100) String sku, @NotNull @Positive @Max(LineQuantity.MAX) Integer quantity) {
    }

    public static final String DEFAULT_NOTIFY = "none";
    private static final List<String> NOTIFY_CHANNELS = List.of("email", "sms", "both", "none");

    String notifyOrDefault() {
        return customer.notifyVia() == null ? DEFAULT_NOTIFY : customer.notifyVia();
    }

    /** A channel the customer is to be told through needs its address: a notice nobody can receive is refused at intake. */
    void checkContact() {
        String notify = notifyOrDefault();
        if (!NOTIFY_CHANNELS.contains(notify)) {
            throw ApiProblem.invalid("customer.notify", "must be email, sms, both or none");
        }
        if ((notify.equals("email") || notify.equals("both")) && customer.email() == null) {
            throw ApiProblem.invalid("customer.email", "is required when customer.notify is " + notify);
        }
        if ((notify.equals("sms") || notify.equals("both")) && customer.phone() == null) {
            throw ApiProblem.invalid("customer.phone", "is required when customer.notify is " + notify);
        }
    }

    ServiceLevel serviceLevelOrDefault() {
        return serviceLevel == null ? ServiceLevel.STANDARD : serviceLevel;
    }

    String channelOrDefault() {
        return channel == null ? DEFAULT_CHANNEL : channel;
    }
}
