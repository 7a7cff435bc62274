namespace Signpost.Bench.Generation;

/// <summary>
/// UK towns and cities with approximate centres and populations (thousands, built-up areas).
/// Services are spread among them in proportion to population; <see cref="Spread"/> is how far
/// from the centre they scatter. The small towns give the sparse, rural part of the country.
/// </summary>
internal static class UkPlaces
{
    public sealed record Place(string Name, double Latitude, double Longitude, int PopulationThousands)
    {
        /// <summary>Standard deviation in km of where services fall around the centre.</summary>
        public double Spread => 1.5 + 2.2 * Math.Sqrt(PopulationThousands / 100.0);
    }

    public static readonly Place[] All =
    [
        new("London", 51.5072, -0.1276, 9000), new("Birmingham", 52.4862, -1.8904, 2500),
        new("Manchester", 53.4808, -2.2426, 2700), new("Leeds", 53.8008, -1.5491, 1800),
        new("Glasgow", 55.8642, -4.2518, 1000), new("Liverpool", 53.4084, -2.9916, 900),
        new("Newcastle upon Tyne", 54.9783, -1.6178, 800), new("Sheffield", 53.3811, -1.4701, 700),
        new("Bristol", 51.4545, -2.5879, 670), new("Nottingham", 52.9548, -1.1581, 730),
        new("Leicester", 52.6369, -1.1398, 550), new("Edinburgh", 55.9533, -3.1883, 530),
        new("Cardiff", 51.4816, -3.1791, 480), new("Belfast", 54.5973, -5.9301, 480),
        new("Coventry", 52.4068, -1.5197, 360), new("Stoke-on-Trent", 53.0027, -2.1794, 370),
        new("Southampton", 50.9097, -1.4044, 350), new("Portsmouth", 50.8198, -1.0880, 240),
        new("Plymouth", 50.3755, -4.1427, 265), new("Brighton", 50.8225, -0.1372, 290),
        new("Reading", 51.4543, -0.9781, 320), new("Derby", 52.9225, -1.4746, 260),
        new("Hull", 53.7676, -0.3274, 290), new("Bradford", 53.7960, -1.7594, 350),
        new("Wolverhampton", 52.5862, -2.1288, 260), new("Sunderland", 54.9069, -1.3838, 175),
        new("Swansea", 51.6214, -3.9436, 250), new("Aberdeen", 57.1497, -2.0943, 200),
        new("Norwich", 52.6309, 1.2974, 215), new("Milton Keynes", 52.0406, -0.7594, 230),
        new("Luton", 51.8787, -0.4200, 225), new("Northampton", 52.2405, -0.9027, 225),
        new("Bournemouth", 50.7192, -1.8808, 400), new("Middlesbrough", 54.5742, -1.2350, 370),
        new("Preston", 53.7632, -2.7031, 310), new("Blackpool", 53.8175, -3.0357, 240),
        new("Oxford", 51.7520, -1.2577, 160), new("Cambridge", 52.2053, 0.1218, 145),
        new("York", 53.9600, -1.0873, 155), new("Exeter", 50.7184, -3.5339, 130),
        new("Ipswich", 52.0567, 1.1482, 180), new("Gloucester", 51.8642, -2.2382, 130),
        new("Cheltenham", 51.8994, -2.0783, 117), new("Dundee", 56.4620, -2.9707, 150),
        new("Inverness", 57.4778, -4.2247, 48), new("Lincoln", 53.2307, -0.5406, 120),
        new("Carlisle", 54.8925, -2.9329, 75), new("Lancaster", 54.0466, -2.8007, 52),
        new("Stockport", 53.4106, -2.1575, 135), new("Croydon", 51.3762, -0.0982, 390),
        new("Harlow", 51.7727, 0.1023, 87), new("Keighley", 53.8679, -1.9064, 53),
        new("Ilkeston", 52.9710, -1.3090, 40), new("Frome", 51.2279, -2.3215, 28),
        new("Sidmouth", 50.6800, -3.2390, 13), new("Ottery St Mary", 50.7500, -3.2790, 9),
        new("Exmouth", 50.6200, -3.4130, 35), new("Truro", 50.2632, -5.0510, 20),
        new("Penzance", 50.1186, -5.5371, 21), new("Barnstaple", 51.0802, -4.0580, 31),
        new("Kendal", 54.3280, -2.7463, 29), new("Ulverston", 54.1930, -3.0920, 12),
        new("Hexham", 54.9710, -2.1010, 13), new("Thirsk", 54.2330, -1.3410, 5),
        new("Brecon", 51.9470, -3.3910, 8), new("Aberystwyth", 52.4153, -4.0829, 19),
        new("Oban", 56.4120, -5.4720, 8), new("Fort William", 56.8198, -5.1052, 10),
        new("Ludlow", 52.3680, -2.7180, 11), new("Bideford", 51.0160, -4.2080, 17),
        new("Skipton", 53.9620, -2.0170, 15), new("Whitby", 54.4858, -0.6206, 13),
        new("Wells", 51.2090, -2.6470, 12), new("Dorchester", 50.7150, -2.4370, 21),
        new("Newtown", 52.5130, -3.3130, 11), new("Thetford", 52.4120, 0.7500, 25),
    ];
}
