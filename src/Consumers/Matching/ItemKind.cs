namespace ShoppableVideo.Consumers.Matching;

/// <summary>
/// What kind of item a region holds. A video region is only ever matched against catalog entries of
/// the same kind, so a hoodie never competes with shorts. The detectors know people and bags, not
/// garments: Upper, Lower and Full are parts of a person box, Bag is a detected bag.
/// </summary>
public enum ItemKind
{
    Upper,
    Lower,
    Full,
    Bag,
}
