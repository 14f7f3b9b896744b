package io.stowage.api.network;

/** Distances on the Earth's surface, as the crow flies: good enough to rank nearby stores. */
final class GreatCircle {

    /** Mean Earth radius (IUGG), in kilometres. */
    static final double EARTH_RADIUS_KM = 6371.0088;

    private GreatCircle() {
    }

    /** The haversine distance in kilometres between two points given in degrees. */
    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lon2 - lon1);
        double h = Math.pow(Math.sin(dPhi / 2), 2) + Math.cos(phi1) * Math.cos(phi2) * Math.pow(Math.sin(dLambda / 2), 2);
        // min() guards asin against rounding just above 1 for antipodal points.
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
