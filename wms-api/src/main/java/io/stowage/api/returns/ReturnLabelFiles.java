package io.stowage.api.returns;

import io.stowage.barcodes.render.BarcodeRenderer;
import io.stowage.barcodes.render.Symbology;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The drop-off QR code as an image: drawn when asked for (it is small, and the code is what the carrier gave). */
final class ReturnLabelFiles {

    /** Large enough for a parcel-shop scanner to read off a phone's screen. */
    private static final int QR_PIXELS = 360;

    private ReturnLabelFiles() {
    }

    static Mono<byte[]> qrPng(String dropOffCode) {
        return Mono.fromCallable(() -> BarcodeRenderer.renderPng(Symbology.QR_CODE, dropOffCode, QR_PIXELS, QR_PIXELS))
                .subscribeOn(Schedulers.boundedElastic());
    }

    static ResponseEntity<byte[]> png(byte[] bytes) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).header(HttpHeaders.CACHE_CONTROL, "private, max-age=86400").body(bytes);
    }
}
