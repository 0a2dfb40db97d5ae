package cn.xiaoan.analytics.campaign;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.ReferenceData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The campaigns an installation knows, loaded and validated at start from {@code data/campaigns} (shipped in the jar
 * under {@code /campaigns/}), in the order {@code campaigns.list} names them. One of them is the installation's
 * primary campaign ({@code primary:} in campaigns.list): its baseline is the SQL {@code campaign_baseline()} and its
 * goals are what the existing goals route and page show.
 */
public final class CampaignCatalog {
    static final String LIST = "campaigns.list";
    private static final String RESOURCES = "/campaigns/";
    private static final String PRIMARY = "primary:";

    private final Map<String, CampaignDefinition> byId;
    private final List<CampaignDefinition> ordered;
    private final String primaryId;

    CampaignCatalog(List<CampaignDefinition> campaigns, String primaryId) {
        var map = new LinkedHashMap<String, CampaignDefinition>();
        for (CampaignDefinition campaign : campaigns) {
            if (map.put(campaign.id(), campaign) != null) {
                throw new IllegalStateException("Cannot load campaigns: id " + campaign.id() + " is used twice");
            }
        }
        if (!map.containsKey(primaryId)) {
            throw new IllegalStateException("Cannot load campaigns: the primary campaign " + primaryId + " of " + LIST
                    + " is not one of " + map.keySet());
        }
        this.byId = Map.copyOf(map);
        this.primaryId = primaryId;
        this.ordered = List.copyOf(map.values());
    }

    /** The shipped campaigns; a file with problems stops the start with all of them listed. */
    public static CampaignCatalog load(ReferenceData reference) {
        return load(reference, name -> {
            try (InputStream in = CampaignCatalog.class.getResourceAsStream(RESOURCES + name)) {
                if (in == null) {
                    throw new IllegalStateException("Cannot find " + RESOURCES + name + " on the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + RESOURCES + name, e);
            }
        });
    }

    /** The campaigns named by the list file that {@code files} returns, each file's text by its name. */
    static CampaignCatalog load(ReferenceData reference, Function<String, String> files) {
        var reader = new CampaignReader(reference);
        var validator = new CampaignValidator();
        var campaigns = new ArrayList<CampaignDefinition>();
        var errors = new ArrayList<CampaignError>();
        String primary = null;
        for (String line : files.apply(LIST).split("\n")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            if (entry.startsWith(PRIMARY)) {
                primary = entry.substring(PRIMARY.length()).strip();
                continue;
            }
            try {
                campaigns.add(validator.validated(reader.read(entry, files.apply(entry))));
            } catch (CampaignFileException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new CampaignFileException(errors);
        }
        requireNonNull(primary, "campaigns.list names no primary campaign (a line \"primary: ID\")");
        return new CampaignCatalog(campaigns, primary);
    }

    /** Every campaign, in list order. */
    public List<CampaignDefinition> all() {
        return ordered;
    }

    public Optional<CampaignDefinition> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The installation's primary campaign (the demo: 忻州's three-year plan). */
    public CampaignDefinition primary() {
        return byId.get(primaryId);
    }
}
