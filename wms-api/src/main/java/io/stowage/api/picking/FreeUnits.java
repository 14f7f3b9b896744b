package io.stowage.api.picking;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Units at a location that no open pick or replenishment task has claimed yet. */
record FreeUnits(UUID locationId, int units) {

    /** Takes {@code wanted} units from the locations in the order given; what they cannot cover stays untaken. */
    static List<FreeUnits> takeInTurn(List<FreeUnits> locations, int wanted) {
        List<FreeUnits> taken = new ArrayList<>();
        int left = wanted;
        for (FreeUnits location : locations) {
            int units = Math.min(location.units(), left);
            if (units > 0) {
                taken.add(new FreeUnits(location.locationId(), units));
                left -= units;
            }
        }
        return taken;
    }

    static int total(List<FreeUnits> taken) {
        return taken.stream().mapToInt(FreeUnits::units).sum();
    }
}
