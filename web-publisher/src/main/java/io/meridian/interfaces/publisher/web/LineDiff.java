package io.meridian.interfaces.publisher.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts (longest common subsequence): what the revision comparison shows. Two
 * revisions of one API are a few hundred lines at most, so the quadratic table is fine.
 */
public final class LineDiff {

  /**
   * One line of the result: kept, added (only in the newer text) or removed (only in the older).
   */
  public record Line(String kind, String text) {}

  private LineDiff() {}

  static List<Line> of(List<String> older, List<String> newer) {
    int n = older.size();
    int m = newer.size();
    int[][] common = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        common[i][j] =
            older.get(i).equals(newer.get(j))
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<Line> lines = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      if (older.get(i).equals(newer.get(j))) {
        lines.add(new Line("same", older.get(i)));
        i++;
        j++;
      } else if (common[i + 1][j] >= common[i][j + 1]) {
        lines.add(new Line("del", older.get(i++)));
      } else {
        lines.add(new Line("add", newer.get(j++)));
      }
    }
    while (i < n) {
      lines.add(new Line("del", older.get(i++)));
    }
    while (j < m) {
      lines.add(new Line("add", newer.get(j++)));
    }
    return lines;
  }
}
