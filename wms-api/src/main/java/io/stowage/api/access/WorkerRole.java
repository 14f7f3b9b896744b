package io.stowage.api.access;

import io.stowage.api.Published;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a worker may do on the floor; a supervisor approves counts and adjustments. */
@Published
public enum WorkerRole {
    PICKER, PACKER, RECEIVER, SUPERVISOR,
    /** Works the returns station: receives, grades and photographs what customers send back. */
    RETURNS;

    public String authority() {
        return "ROLE_" + name();
    }

    public static Set<WorkerRole> parseAll(String[] names) {
        Set<WorkerRole> roles = EnumSet.noneOf(WorkerRole.class);
        for (String name : names) {
            roles.add(valueOf(name.toUpperCase(Locale.ROOT)));
        }
        return roles;
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
