package dev.sessionledger.kubernetes;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;

/**
 * A CloudNativePG {@code Cluster} (postgresql.cnpg.io/v1), limited to the fields this project sets,
 * named and typed as in the operator's API reference. There is no published Java model for it, so
 * this one stands in: a field it does not know is a typo or a field the checks must learn first.
 */
record CnpgCluster(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    record Spec(Integer instances, String imageName, UpdateStrategy primaryUpdateStrategy,
            UpdateMethod primaryUpdateMethod, Boolean enableSuperuserAccess, Bootstrap bootstrap, Storage storage,
            Storage walStorage, ResourceRequirements resources, Affinity affinity, Postgresql postgresql,
            Monitoring monitoring, String description, Integer minSyncReplicas, Integer maxSyncReplicas,
            @JsonProperty("enablePDB") Boolean enablePdb) {
    }

    enum UpdateStrategy {
        @JsonProperty("unsupervised") UNSUPERVISED,
        @JsonProperty("supervised") SUPERVISED
    }

    enum UpdateMethod {
        @JsonProperty("restart") RESTART,
        @JsonProperty("switchover") SWITCHOVER
    }

    record Bootstrap(Initdb initdb) {
    }

    record Initdb(String database, String owner, LocalObjectReference secret, String encoding, String localeCollate,
            String localeCType, Boolean dataChecksums, List<String> postInitApplicationSQL) {
    }

    record Storage(String size, String storageClass, Boolean resizeInUseVolumes) {
    }

    record Affinity(Boolean enablePodAntiAffinity, String topologyKey, AntiAffinityType podAntiAffinityType,
            Map<String, String> nodeSelector, List<Toleration> tolerations) {
    }

    enum AntiAffinityType {
        @JsonProperty("preferred") PREFERRED,
        @JsonProperty("required") REQUIRED
    }

    record Postgresql(Map<String, String> parameters, @JsonProperty("pg_hba") List<String> pgHba,
            @JsonProperty("shared_preload_libraries") List<String> sharedPreloadLibraries) {
    }

    record Monitoring(Boolean enablePodMonitor) {
    }

    /** The Secret the operator generates for the application user: {@code <cluster>-app}. */
    String applicationSecret() {
        return metadata.getName() + "-app";
    }

    /** The keys of that Secret. */
    static final List<String> APPLICATION_SECRET_KEYS =
            List.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass", "fqdn-uri", "fqdn-jdbc-uri");
}
