package io.stowage.picking.cli;

import java.util.List;

/** A pick list of an instance file: an id and the location codes to visit. */
record PickListSpec(String id, List<String> locationCodes) {
}
