package io.stowage.scanner.pick;

import tools.jackson.databind.JsonNode;

/** One stop of the batch as the service planned it: where, what, how many, which tote. */
record PickTask(String id, String locationCode, String sku, String lotNumber, int quantity, int tote) {

    static PickTask of(JsonNode task) {
        return new PickTask(task.path("id").asString(), task.path("location_code").asString(), task.path("sku").asString(),
                task.path("lot_number").isNull() || task.path("lot_number").isMissingNode() ? null : task.path("lot_number").asString(),
                task.path("quantity").asInt(), task.path("tote").asInt());
    }

    String product() {
        return sku + (lotNumber == null ? "" : " lot " + lotNumber);
    }
}
