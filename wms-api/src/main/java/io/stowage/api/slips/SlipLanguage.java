package io.stowage.api.slips;

import java.util.Locale;
import java.util.Map;

/**
 * The languages a packing slip is written in, with every text the slip prints. The customer's
 * language tag chooses one (its primary subtag: {@code uk-UA} is Ukrainian). A customer who named
 * a language the slip does not speak reads English; one who named none reads the shipping
 * country's language when the slip speaks it, English otherwise.
 */
enum SlipLanguage {

    EN("en", new Texts("Packing slip", "Order", "Ship to", "Parcel %d of %d", "Parcel %d", "Item", "Size", "Colour", "Qty",
            "Gift message", "Also in your parcel", "Thank you for your order, %s! We hope you enjoy it.", "Packed with care by %s")),
    UK("uk", new Texts("Пакувальний лист", "Замовлення", "Одержувач", "Посилка %d з %d", "Посилка %d", "Товар", "Розмір", "Колір", "К-сть",
            "Побажання до подарунка", "Також у вашій посилці", "Дякуємо за ваше замовлення, %s! Сподіваємося, вам сподобається.",
            "З турботою запакував(ла) %s")),
    LT("lt", new Texts("Pakavimo lapas", "Užsakymas", "Gavėjas", "Siunta %d iš %d", "Siunta %d", "Prekė", "Dydis", "Spalva", "Kiekis",
            "Dovanos žinutė", "Taip pat jūsų siuntoje", "Dėkojame už jūsų užsakymą, %s! Tikimės, kad jis jums patiks.",
            "Su rūpesčiu supakavo %s")),
    LV("lv", new Texts("Iepakošanas saraksts", "Pasūtījums", "Saņēmējs", "Sūtījums %d no %d", "Sūtījums %d", "Prece", "Izmērs", "Krāsa",
            "Daudzums", "Dāvanas apsveikums", "Jūsu sūtījumā arī", "Paldies par jūsu pasūtījumu, %s! Ceram, ka tas jums patiks.",
            "Ar rūpību iepakoja %s")),
    SL("sl", new Texts("Dobavnica", "Naročilo", "Prejemnik", "Paket %d od %d", "Paket %d", "Izdelek", "Velikost", "Barva", "Količina",
            "Sporočilo ob darilu", "V paketu je tudi", "Hvala za vaše naročilo, %s! Upamo, da vas bo razveselilo.",
            "S skrbjo zapakiral(a) %s"));

    /** Where the customer gave no language the slip speaks: the shipping country's. */
    private static final Map<String, SlipLanguage> BY_COUNTRY = Map.of("GB", EN, "IE", EN, "UA", UK, "LT", LT, "LV", LV, "SI", SL);

    /** Every text of a slip; {@code %s} and {@code %d} are the customer's or packer's name and parcel numbers. */
    record Texts(String title, String order, String shipTo, String parcelOfCount, String parcel, String item, String size, String colour,
                 String quantity, String giftMessage, String inserts, String thankYou, String packedBy) {
    }

    private final String code;
    private final Texts texts;

    SlipLanguage(String code, Texts texts) {
        this.code = code;
        this.texts = texts;
    }

    String code() {
        return code;
    }

    Texts texts() {
        return texts;
    }

    String parcel(int number, Integer count) {
        return count == null ? String.format(Locale.ROOT, texts.parcel(), number) : String.format(Locale.ROOT, texts.parcelOfCount(), number, count);
    }

    String thankYou(String customerName) {
        return String.format(Locale.ROOT, texts.thankYou(), customerName);
    }

    String packedBy(String packerName) {
        return String.format(Locale.ROOT, texts.packedBy(), packerName);
    }

    static SlipLanguage fromCode(String code) {
        for (SlipLanguage language : values()) {
            if (language.code.equals(code)) {
                return language;
            }
        }
        throw new IllegalArgumentException("No slip language " + code);
    }

    /** The customer's language when the slip speaks it (else English); without one, the shipping country's (else English). */
    static SlipLanguage forCustomer(String languageTag, String country) {
        if (languageTag == null) {
            return country == null ? EN : BY_COUNTRY.getOrDefault(country, EN);
        }
        String primary = Locale.forLanguageTag(languageTag).getLanguage();
        for (SlipLanguage language : values()) {
            if (language.code.equals(primary)) {
                return language;
            }
        }
        return EN;
    }
}
