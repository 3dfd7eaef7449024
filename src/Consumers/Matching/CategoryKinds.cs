namespace ShoppableVideo.Consumers.Matching;

/// <summary>Which part of a person (or a bag) a catalog category shows, from the words in its path
/// ("Men/Tops/Hoodies &amp; Sweatshirts" is a top). The most specific segment that says decides.</summary>
public static class CategoryKinds
{
    static readonly (string Word, ItemKind Kind)[] Words =
    [
        ("bottoms", ItemKind.Lower), ("pants", ItemKind.Lower), ("shorts", ItemKind.Lower), ("skirts", ItemKind.Lower),
        ("leggings", ItemKind.Lower), ("jeans", ItemKind.Lower), ("trousers", ItemKind.Lower),
        ("tops", ItemKind.Upper), ("jackets", ItemKind.Upper), ("hoodies", ItemKind.Upper), ("sweatshirts", ItemKind.Upper),
        ("tees", ItemKind.Upper), ("tanks", ItemKind.Upper), ("bras", ItemKind.Upper), ("shirts", ItemKind.Upper),
        ("coats", ItemKind.Upper),
        ("bags", ItemKind.Bag), ("backpacks", ItemKind.Bag), ("handbags", ItemKind.Bag), ("luggage", ItemKind.Bag),
        ("gear", ItemKind.Bag),
        ("dresses", ItemKind.Full), ("jumpsuits", ItemKind.Full),
    ];

    public static ItemKind For(string category)
    {
        var segments = category.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = segments.Length - 1; i >= 0; i--)
        {
            var words = segments[i].ToLowerInvariant().Split([' ', '&', ',', '-'], StringSplitOptions.RemoveEmptyEntries);
            foreach (var (word, kind) in Words)
                if (words.Contains(word))
                    return kind;
        }
        return ItemKind.Full;
    }
}
