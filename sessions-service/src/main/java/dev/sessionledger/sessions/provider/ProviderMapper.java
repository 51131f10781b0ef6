package dev.sessionledger.sessions.provider;

import static dev.sessionledger.commons.ids.IdPrefix.PROVIDER;

import dev.sessionledger.sessions.provider.ProviderRows.ProviderRow;
import dev.sessionledger.sessions.provider.ProviderRows.UpstreamRow;
import dev.sessionledger.sessions.provider.ProviderViews.ProviderView;
import dev.sessionledger.sessions.provider.ProviderViews.UpstreamView;

/** Maps stored providers (rows, and a write's entity by way of the same row) and the service's answers to the objects the API shows. */
public final class ProviderMapper {

    private ProviderMapper() {
    }

    public static ProviderView toView(ProviderRow p) {
        return new ProviderView(Provider.ENTITY, PROVIDER.format(p.id()), p.name(), p.upstreamUrl(), p.recordingMode(),
                p.createdAt(), p.updatedAt());
    }

    public static ProviderView toView(Provider p) {
        return toView(ProviderRow.of(p));
    }

    public static UpstreamView toView(ProviderService.Upstream upstream) {
        UpstreamRow p = upstream.provider();
        return new UpstreamView(PROVIDER.format(p.id()), p.upstreamUrl(), upstream.headers(), p.recordingMode());
    }
}
