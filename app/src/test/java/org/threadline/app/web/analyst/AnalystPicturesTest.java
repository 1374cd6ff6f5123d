package org.threadline.app.web.analyst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The chart and the tile-grid map: one bar and one tile per area, suppressed ones marked, tiles never overlapping. */
class AnalystPicturesTest {
    static final AreaTiles TILES = AreaTiles.load();

    private static AreaCohorts cohorts(AreaLevel level, Map<String, Integer> met, int held) {
        Map<String, String> areaOf = new HashMap<>();
        List<String> ids = new ArrayList<>();
        met.forEach((area, n) -> {
            for (int i = 0; i < held; i++) {
                areaOf.put(area + "-" + i, area);
                if (i < n) {
                    ids.add(area + "-" + i);
                }
            }
        });
        return AreaCohorts.count(level, areaOf, Map.of("x", ids), List.of("x"), 10, 5);
    }

    @Test
    void the_chart_has_a_bar_per_area_and_a_suppressed_area_has_none_but_says_so() {
        AreaCohorts t = cohorts(AreaLevel.DISTRICT, Map.of("B1", 40, "B2", 3, "B3", 20, "CV1", 60), 100);
        CohortPictures.BarChart chart = CohortPictures.barChart(t, 0, "Persistent absence");

        assertThat(chart.bars()).extracting(CohortPictures.Bar::area).containsExactly("B1", "B2", "B3", "CV1");
        CohortPictures.Bar b2 = chart.bars().get(1);
        assertThat(b2.suppressed()).isTrue();
        assertThat(b2.width()).isZero();
        assertThat(b2.value()).contains("suppressed");
        assertThat(chart.bars().get(3).width()).isEqualTo(CohortPictures.PLOT);
        assertThat(chart.title()).contains("Persistent absence", "postcode district");
        assertThat(chart.description()).contains("suppressed", "table");
    }

    @Test
    void the_map_has_a_tile_per_area_in_its_postcode_areas_block_none_overlapping_and_strays_elsewhere() {
        Map<String, Integer> met = new HashMap<>();
        for (int d = 1; d <= 40; d++) {
            met.put("B" + d, d);
        }
        for (String d : List.of("WV1", "WV2", "WS1", "DY1", "CV1", "CV2", "CB3")) {
            met.put(d, 30);
        }
        AreaCohorts t = cohorts(AreaLevel.DISTRICT, met, 200);
        CohortPictures.TileMap map = CohortPictures.tileMap(t, 0, "Persistent absence", TILES);

        assertThat(map.tiles()).hasSize(met.size());
        Set<String> positions = new HashSet<>();
        for (CohortPictures.MapTile tile : map.tiles()) {
            assertThat(positions.add(tile.x() + "," + tile.y())).as("tile " + tile.area() + " overlaps").isTrue();
            assertThat(tile.x() + tile.size()).isLessThanOrEqualTo(map.width());
            assertThat(tile.y() + tile.size()).isLessThanOrEqualTo(map.height());
        }
        assertThat(map.captions()).extracting(CohortPictures.MapCaption::text)
                .contains("B Birmingham", "WV Wolverhampton", "Elsewhere");
        CohortPictures.MapTile b1 = map.tiles().stream().filter(x -> x.area().equals("B1")).findFirst().orElseThrow();
        assertThat(b1.css()).contains("suppressed");
        assertThat(b1.value()).isEqualTo("c");
        CohortPictures.MapTile wv1 = map.tiles().stream().filter(x -> x.area().equals("WV1")).findFirst()
                .orElseThrow();
        CohortPictures.MapTile cv1 = map.tiles().stream().filter(x -> x.area().equals("CV1")).findFirst()
                .orElseThrow();
        assertThat(wv1.y()).as("Wolverhampton is north of Coventry").isLessThan(cv1.y());
        assertThat(wv1.x()).as("and west of it").isLessThan(cv1.x());
        assertThat(map.legend()).extracting(CohortPictures.LegendEntry::css).contains("tl-band-0", "tl-band-3",
                "tl-tile-suppressed");
    }

    @Test
    void at_area_level_each_postcode_area_is_one_tile() {
        AreaCohorts t = cohorts(AreaLevel.AREA, Map.of("B", 50, "CV", 30, "WV", 20), 300);
        CohortPictures.TileMap map = CohortPictures.tileMap(t, 0, "x", TILES);

        assertThat(map.tiles()).extracting(CohortPictures.MapTile::area).containsExactlyInAnyOrder("B", "CV", "WV");
        assertThat(map.captions()).extracting(CohortPictures.MapCaption::text).contains("Birmingham", "Coventry");
    }

    @Test
    void bands_split_the_shown_rates_evenly_and_the_highest_is_in_the_last() {
        assertThat(CohortPictures.band(0, 80)).isZero();
        assertThat(CohortPictures.band(19.9, 80)).isZero();
        assertThat(CohortPictures.band(20, 80)).isEqualTo(1);
        assertThat(CohortPictures.band(80, 80)).isEqualTo(3);
        assertThat(CohortPictures.band(5, 0)).isZero();
    }

    @Test
    void a_tile_layout_with_mistakes_reports_every_one_with_its_path() throws Exception {
        var yaml = new ObjectMapper(new YAMLFactory()).readTree("""
                id: t
                version: 0
                blocks:
                  - {area: B1, name: Birmingham, band: 0, column: 0, width: 0}
                  - {area: CV, band: -1, column: 2, width: 3}
                  - {area: CV, name: Coventry, band: 0, column: 2, width: 3}
                """);
        assertThatThrownBy(() -> AreaTiles.parse(yaml, "tiles.yaml")).hasMessageContainingAll("version:",
                "blocks[0].area: 'B1'", "blocks[0].width:", "blocks[1].name:", "blocks[1].band:",
                "blocks[2].area: 'CV' is listed twice");
    }
}
