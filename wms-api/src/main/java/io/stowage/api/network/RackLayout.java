package io.stowage.api.network;

import io.stowage.api.Published;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A block of racking described in a few numbers, and the locations it holds.
 *
 * <p>Codes read {@code <zone>-<aisle>-<bay>-<level>} with two-digit aisle and bay numbers, so
 * {@code A-03-02-B} is zone A, aisle 3, bay 2, level B. Levels are letters counted from the
 * floor: A is level 1.
 *
 * <p>Geometry, in millimetres on the node's floor plan: aisles run along y, side by side along x.
 * The centre line of aisle {@code a} is at {@code x = origin.x + (a - 1) * aislePitch}. A location's
 * coordinates are where a picker stands to reach it, so every level of a bay shares them.
 * <ul>
 *   <li>Racking on one face: {@code x} is the aisle's centre line and
 *       {@code y = origin.y + (bay - 0.5) * bayWidth}.</li>
 *   <li>Racking on both faces: odd bays are on the left face ({@code x = centre - aislePitch / 4}),
 *       even bays on the right ({@code x = centre + aislePitch / 4}), and bays {@code 2k-1} and
 *       {@code 2k} face each other at {@code y = origin.y + (k - 0.5) * bayWidth}. Left is the
 *       smaller x, seen from the front cross aisle at {@code origin.y}; this is the convention
 *       of the picking optimizer's grid layouts.</li>
 * </ul>
 */
@Published
public record RackLayout(String zoneCode, String type, int aisleFrom, int aisleTo, int bayFrom, int bayTo, List<String> levels,
                  int aislePitchMm, int bayWidthMm, int originXMm, int originYMm, boolean bothSides) {

    public RackLayout {
        // Sorted, so that the locations come out in code order whatever order the levels were listed in.
        levels = levels.stream().sorted().toList();
    }

    int size() {
        return (aisleTo - aisleFrom + 1) * (bayTo - bayFrom + 1) * levels.size();
    }

    /** Every location of the layout, ordered by code. */
    List<NewLocation> locations() {
        List<NewLocation> locations = new ArrayList<>(size());
        for (int aisle = aisleFrom; aisle <= aisleTo; aisle++) {
            double centre = originXMm + (double) (aisle - 1) * aislePitchMm;
            for (int bay = bayFrom; bay <= bayTo; bay++) {
                int x = (int) Math.round(bothSides ? centre + (bay % 2 == 1 ? -1 : 1) * aislePitchMm / 4.0 : centre);
                double along = bothSides ? (bay + 1) / 2 - 0.5 : bay - 0.5;
                int y = (int) Math.round(originYMm + along * bayWidthMm);
                for (String level : levels) {
                    locations.add(new NewLocation(code(zoneCode, aisle, bay, level), zoneCode, type, aisle, bay,
                            levelNumber(level), x, y));
                }
            }
        }
        return locations;
    }

    static String code(String zoneCode, int aisle, int bay, String level) {
        return String.format(Locale.ROOT, "%s-%02d-%02d-%s", zoneCode, aisle, bay, level);
    }

    /** A level letter as a number counted from the floor: A is 1. */
    static int levelNumber(String level) {
        return level.charAt(0) - 'A' + 1;
    }
}
