namespace SweepGrid.Sweeps.Errors;

/// <summary>"Did you mean …?" for misspelled keys and names.</summary>
internal static class Suggestions
{
    /// <summary>The largest edit distance at which a candidate is still suggested.</summary>
    public const int MaxDistance = 2;

    /// <summary>
    /// The closest candidate within <see cref="MaxDistance"/> edits (optimal-string-alignment
    /// Damerau–Levenshtein, case-insensitive), or null. Ties go to the earlier candidate.
    /// </summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = MaxDistance + 1;
        foreach (var candidate in candidates)
        {
            var distance = Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>" (did you mean 'x'?)" or, without a close candidate, " (allowed: a, b, c)".</summary>
    public static string Hint(string word, IReadOnlyCollection<string> candidates)
    {
        var closest = Closest(word, candidates);
        return closest is not null
            ? $" (did you mean '{closest}'?)"
            : $" (allowed: {string.Join(", ", candidates)})";
    }

    /// <summary>Edit distance counting insertions, deletions, substitutions and adjacent transpositions.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
