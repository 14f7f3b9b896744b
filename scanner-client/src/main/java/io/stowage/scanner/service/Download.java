package io.stowage.scanner.service;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file read from the service, such as a shipping label.
 *
 * @param answer   {@link Answer.Ok} (with no JSON body) when the bytes came, else why they did not
 * @param bytes    the file; empty unless the answer is Ok
 * @param filename the name the service gave the file (Content-Disposition), such as {@code 047500000000000017.zpl}
 */
public record Download(Answer answer, byte[] bytes, Optional<String> filename) {

    private static final Pattern FILENAME = Pattern.compile("filename=\"?([^\";]+)\"?");

    public static Download failed(Answer answer) {
        return new Download(answer, new byte[0], Optional.empty());
    }

    public boolean ok() {
        return answer instanceof Answer.Ok;
    }

    static Optional<String> filenameOf(String contentDisposition) {
        Matcher matcher = FILENAME.matcher(contentDisposition);
        return matcher.find() ? Optional.of(matcher.group(1).strip()) : Optional.empty();
    }
}
