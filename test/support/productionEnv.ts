/** The smallest environment the service accepts with NODE_ENV=production (src/config.ts). */
export const PRODUCTION_ENV: Readonly<Record<string, string>> = {
  NODE_ENV: 'production',
  MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
  MicrosoftAppPassword: 'secret',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: '00000000-0000-0000-0000-0000000000aa',
  CLINIC_NAME: 'Example Clinic',
  CLINIC_PHONE: '020 7946 0000',
  CLINIC_HOURS: 'Mon-Fri 09:00-17:00',
  PRIVACY_URL: 'https://clinic.example/privacy',
};
