package org.threadline.app.web.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each area's tile goes on the tile-grid map ({@code web/area-tiles.yaml}): a block per postcode area, in
 * bands north to south; at district level a block holds its districts in number order, at area level it is one
 * tile. Areas not listed go to a last band. Loading reports every problem with its path at once.
 *
 * @param blocks the listed postcode areas
 */
public record AreaTiles(String id, int version, List<Block> blocks) {
    public static final String RESOURCE = "web/area-tiles.yaml";
    /** Width of the last band's block, for areas not listed. */
    static final int ELSEWHERE_WIDTH = 10;

    public AreaTiles {
        blocks = List.copyOf(blocks);
    }

    /** A postcode area's block: its band (0 northmost), first column and width in tiles. */
    public record Block(String area, String name, int band, int column, int width) {
    }

    /** A tile at a grid position (column, row), counted in tiles. */
    public record Tile(String area, int column, int row) {
    }

    /** A block's caption, above its first row. */
    public record Caption(String text, int column, int row) {
    }

    /** Tiles and captions, and the grid's size in tiles. */
    public record Layout(List<Tile> tiles, List<Caption> captions, int columns, int rows) {
    }

    public static AreaTiles load() {
        try (InputStream in = AreaTiles.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in), RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public static AreaTiles parse(JsonNode root, String source) {
        List<String> errors = new ArrayList<>();
        if (!root.path("id").isTextual()) {
            errors.add("id: must be a non-empty string");
        }
        if (!root.path("version").canConvertToInt() || root.path("version").asInt() < 1) {
            errors.add("version: must be a whole number of at least 1");
        }
        List<Block> blocks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode list = root.path("blocks");
        if (!list.isArray() || list.isEmpty()) {
            errors.add("blocks: must list at least one block");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode b = list.get(i);
            String at = "blocks[" + i + "].";
            String area = b.path("area").asText("");
            if (!area.matches("[A-Z]{1,2}")) {
                errors.add(at + "area: '" + area + "' is not a postcode area (one or two capital letters)");
            } else if (!seen.add(area)) {
                errors.add(at + "area: '" + area + "' is listed twice");
            }
            if (!b.path("name").isTextual() || b.path("name").asText().isBlank()) {
                errors.add(at + "name: must be a non-empty string");
            }
            for (String f : List.of("band", "column")) {
                if (!b.path(f).canConvertToInt() || b.path(f).asInt() < 0) {
                    errors.add(at + f + ": must be a whole number of at least 0");
                }
            }
            if (!b.path("width").canConvertToInt() || b.path("width").asInt() < 1) {
                errors.add(at + "width: must be a whole number of at least 1");
            }
            blocks.add(new Block(area, b.path("name").asText(""), b.path("band").asInt(), b.path("column").asInt(),
                    b.path("width").asInt(1)));
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(source + " has " + errors.size() + " error(s):\n  "
                    + String.join("\n  ", errors));
        }
        return new AreaTiles(root.path("id").asText(), root.path("version").asInt(), blocks);
    }

    /** Lays out these areas (codes at {@code level}; {@link AreaLevel#UNKNOWN} is left out). */
    public Layout layout(AreaLevel level, List<String> areas) {
        Map<String, Block> byArea = new LinkedHashMap<>();
        blocks.forEach(b -> byArea.put(b.area(), b));
        Map<String, List<String>> members = new LinkedHashMap<>();
        List<String> elsewhere = new ArrayList<>();
        for (String a : areas.stream().filter(x -> !x.equals(AreaLevel.UNKNOWN)).sorted(AreaLevel.POSTCODE_ORDER)
                .toList()) {
            String postcodeArea = AreaLevel.letters(a);
            if (byArea.containsKey(postcodeArea)) {
                members.computeIfAbsent(postcodeArea, k -> new ArrayList<>()).add(a);
            } else {
                elsewhere.add(a);
            }
        }
        int bands = blocks.stream().mapToInt(Block::band).max().orElse(-1) + 1;
        int[] height = new int[bands];
        for (Block b : blocks) {
            int n = members.getOrDefault(b.area(), List.of()).size();
            int rows = level == AreaLevel.AREA ? Math.min(n, 1) : (n + b.width() - 1) / b.width();
            height[b.band()] = Math.max(height[b.band()], rows);
        }
        List<Tile> tiles = new ArrayList<>();
        List<Caption> captions = new ArrayList<>();
        int row = 0;
        int columns = 0;
        for (int band = 0; band < bands; band++) {
            if (height[band] == 0) {
                continue;
            }
            for (Block b : blocks) {
                List<String> in = members.getOrDefault(b.area(), List.of());
                if (b.band() != band || in.isEmpty()) {
                    continue;
                }
                captions.add(new Caption(level == AreaLevel.AREA ? b.name() : b.area() + " " + b.name(), b.column(),
                        row));
                int width = level == AreaLevel.AREA ? 1 : b.width();
                for (int i = 0; i < in.size(); i++) {
                    tiles.add(new Tile(in.get(i), b.column() + i % width, row + 1 + i / width));
                }
                columns = Math.max(columns, b.column() + Math.max(width, 3));
            }
            row += height[band] + 2;
        }
        if (!elsewhere.isEmpty()) {
            captions.add(new Caption("Elsewhere", 0, row));
            for (int i = 0; i < elsewhere.size(); i++) {
                tiles.add(new Tile(elsewhere.get(i), i % ELSEWHERE_WIDTH, row + 1 + i / ELSEWHERE_WIDTH));
            }
            columns = Math.max(columns, Math.min(elsewhere.size(), ELSEWHERE_WIDTH));
            row += (elsewhere.size() + ELSEWHERE_WIDTH - 1) / ELSEWHERE_WIDTH + 2;
        }
        return new Layout(tiles, captions, columns, Math.max(0, row - 1));
    }
}
