package dev.sessionledger.sessions.provider;

import static dev.sessionledger.commons.ids.IdPrefix.PROVIDER;

import dev.sessionledger.sessions.provider.ProviderViews.ProviderView;
import dev.sessionledger.sessions.provider.ProviderViews.UpstreamView;

/** Maps stored providers and the service's answers to the objects the API shows. */
public final class ProviderMapper {

    private ProviderMapper() {
    }

    public static ProviderView toView(Provider p) {
        return new ProviderView(Provider.ENTITY, PROVIDER.format(p.id), p.name, p.upstreamUrl, p.recordingMode,
                p.createdAt, p.updatedAt);
    }

    public static UpstreamView toView(ProviderService.Upstream upstream) {
        Provider p = upstream.provider();
        return new UpstreamView(PROVIDER.format(p.id), p.upstreamUrl, upstream.headers(), p.recordingMode);
    }
}
