/** Part of the `print` namespace: the labels' texts and the label dialogs, in English. */
export const printLabelsEn = {
  label: {
    partNo: 'Part no.',
    bin: 'Bin',
    noBin: 'no bin',
    location: 'Location',
    moreParts: '+{{n}} more',
    empty: 'Empty bin',
    customer: 'Customer',
    phone: 'Phone',
    takenIn: 'Taken in',
    product: 'Product',
    pieceOf: '{{n}} of {{count}}',
    // The label dialogs in the app.
    count: 'Number of labels',
    countHelp: 'One label per unit (at most 200).',
    binOrShelf: 'Bin or shelf',
    binOrShelfHelp: 'A bin (A-01-1), a shelf (A-01*) or * for every bin of this location.',
    printPartLabels: 'Print label',
    printBinLabels: 'Bin labels',
    printGoodsTags: 'Print goods tag',
    pieces: 'Pieces taken in',
    piecesHelp: 'One tag per piece: the set, its remote, its power adapter…',
    next: 'Preview',
    labelsPerUnit: 'Labels ({{n}})',
  },
};
