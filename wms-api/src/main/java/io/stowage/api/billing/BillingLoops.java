package io.stowage.api.billing;

import io.stowage.api.background.PollingLoop;
import io.stowage.api.background.PollingLoops;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The storage snapshot job on every instance: each pass photographs the oldest day not yet taken, up to yesterday. */
@Configuration
class BillingLoops {

    @Bean
    PollingLoop storageSnapshotLoop(PollingLoops loops, StorageSnapshots snapshots, BillingSettings settings) {
        return loops.loop("storage snapshots", settings.snapshotsEnabled(), settings.snapshotPoll(), snapshots::pass);
    }
}
