using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Catalog;

/// <summary>Which products a catalog page lists: one category (ignoring case), and products whose id or
/// name contains the search text (ignoring case). Empty parts filter nothing.</summary>
public sealed record ProductFilter(string? Category = null, string? Search = null)
{
    public static readonly ProductFilter All = new();

    public bool IsEmpty => string.IsNullOrWhiteSpace(Category) && string.IsNullOrWhiteSpace(Search);

    public bool Matches(CatalogProduct product) =>
        (string.IsNullOrWhiteSpace(Category) || string.Equals(product.Category, Category, StringComparison.OrdinalIgnoreCase)) &&
        (string.IsNullOrWhiteSpace(Search) ||
         product.ProductId.Contains(Search.Trim(), StringComparison.OrdinalIgnoreCase) ||
         product.Name.Contains(Search.Trim(), StringComparison.OrdinalIgnoreCase));
}
