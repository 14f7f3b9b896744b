package io.stowage.api.demo;

import java.time.LocalDate;
import java.util.List;

/** The demo as {@code demo/network.json} describes it: the same shapes the HTTP API takes. */
record DemoNetwork(DemoMerchant merchant, List<DemoNode> nodes, List<DemoWorker> workers, List<DemoPickFace> pickFaces,
                   List<DemoStock> stock, List<DemoAsn> asns) {

    record DemoMerchant(String name, String gs1CompanyPrefix, boolean shipFromStore, String apiKey, String brandColour) {
    }

    record DemoNode(String code, String kind, String name, Boolean merchant, Address address, double latitude, double longitude,
                    String timeZone, List<DemoZone> zones, List<DemoLocation> locations, List<DemoRackLayout> rackLayouts) {
    }

    record Address(String line, String city, String postalCode, String country) {
    }

    record DemoZone(String code, String name) {
    }

    record DemoLocation(String code, String zoneCode, String type, int xMm, int yMm) {
    }

    record DemoRackLayout(String zoneCode, String type, Range aisles, Range bays, List<String> levels, int aislePitchMm,
                          int bayWidthMm, Point origin, boolean bothSides) {
    }

    record Range(int from, int to) {
    }

    record Point(int xMm, int yMm) {
    }

    record DemoWorker(String badgeCode, String name, String pin, String nodeCode, List<String> roles) {
    }

    record DemoPickFace(String nodeCode, String locationCode, String sku) {
    }

    record DemoStock(String nodeCode, String locationCode, String sku, int quantity, String lotNumber, LocalDate expiresOn) {
    }

    record DemoAsn(String reference, String nodeCode, String supplier, int expectedInDays, List<DemoAsnLine> lines) {
    }

    record DemoAsnLine(String sku, int quantity) {
    }
}
