package cn.xiaoan.analytics.campaign;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a campaign runs: whole districts, or a list of named schools (a school group, or a bureau that listed its
 * schools). Schools are named as the campaign document names them, or by their register code.
 */
public record CampaignArea(List<AreaDistrict> districts, List<String> schools) {
    public CampaignArea {
        districts = List.copyOf(districts);
        schools = List.copyOf(schools);
    }

    public Set<String> districtCodes() {
        return districts.stream().map(AreaDistrict::code).collect(Collectors.toUnmodifiableSet());
    }
}
