// English messages of the customers screens, merged into the reference catalog (en.ts).

export const enCustomers = {} as const;
