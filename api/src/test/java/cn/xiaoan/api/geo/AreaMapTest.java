package cn.xiaoan.api.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xiaoan.domain.District;
import cn.xiaoan.domain.ReferenceData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class AreaMapTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();

    @Test
    void shipsAnOutlineForEveryDistrictOfTheReferenceDataAndNoOther() {
        AreaMap map = AreaMap.shipped(REFERENCE.districts());

        assertThat(map.outlines())
                .extracting(DistrictOutline::code)
                .containsExactlyInAnyOrderElementsOf(
                        REFERENCE.districts().all().stream().map(District::code).toList());
        DistrictOutline xinfu = map.outline("140902").orElseThrow();
        assertThat(xinfu.nameZh()).isEqualTo("忻府区");
        // 忻府区 lies around 112.7°E 38.4°N; its label point must fall on it, not somewhere in the province
        assertThat(xinfu.labelPoint().lon()).isBetween(112.3, 113.1);
        assertThat(xinfu.labelPoint().lat()).isBetween(38.1, 38.8);
        assertThat(map.outline("140603").orElseThrow().labelPoint().lat())
                .as("平鲁区 is the northernmost district")
                .isGreaterThan(map.outline("140902").orElseThrow().labelPoint().lat());
    }

    @Test
    void servesGeoJsonKeyedByDistrictCodeWithReferenceNames() {
        AreaMap map = AreaMap.shipped(REFERENCE.districts());
        var json = new ObjectMapper();

        JsonNode all = map.featureCollection(code -> true, json);
        JsonNode xinfuOnly = map.featureCollection("140902"::equals, json);

        assertThat(all.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(all.get("features")).hasSize(15);
        JsonNode feature = xinfuOnly.get("features").get(0);
        assertThat(xinfuOnly.get("features")).hasSize(1);
        assertThat(feature.get("id").asText()).isEqualTo("140902");
        assertThat(feature.at("/properties/code").asText()).isEqualTo("140902");
        assertThat(feature.at("/properties/name").asText()).isEqualTo("忻府区");
        assertThat(feature.at("/properties/nameEn").asText()).isEqualTo("Xinfu District");
        assertThat(feature.at("/geometry/type").asText()).isEqualTo("Polygon");
    }

    @Test
    void refusesAFileThatLacksADistrictNamingTheMissingOnes() {
        assertThatThrownBy(() -> read("/geo/one-county.geojson"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no outline for")
                .hasMessageContaining("140921 定襄县")
                .hasMessageContaining("140603 平鲁区")
                .hasMessageNotContaining("140902 忻府区");
    }

    @Test
    void refusesAnOutlineOfADistrictTheReferenceDataDoesNotKnow() {
        assertThatThrownBy(() -> read("/geo/unknown-county.geojson"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("district 140999, which districts.csv lacks");
    }

    @Test
    void restrictsTheMapToTheDistrictsAUserMaySee() {
        AreaMap map = AreaMap.shipped(REFERENCE.districts()).restrictedTo(List.of("140902", "140921")::contains);

        assertThat(map.outlines()).extracting(DistrictOutline::code).containsExactly("140902", "140921");
    }

    private static AreaMap read(String resource) throws IOException {
        try (InputStream in = AreaMapTest.class.getResourceAsStream(resource)) {
            return AreaMap.read(in, resource, REFERENCE.districts());
        }
    }
}
