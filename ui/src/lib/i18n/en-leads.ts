// English messages of the leads screens, merged into the reference catalog (en.ts).

export const enLeads = {} as const;
