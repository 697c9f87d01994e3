import type { Schema, Struct } from '@strapi/strapi';

export interface SalesBuyerNotification extends Struct.ComponentSchema {
  collectionName: 'components_sales_buyer_notifications';
  info: {
    description: 'Notification du contrat de r\u00E9servation sign\u00E9 \u00E0 un acqu\u00E9reur ou co-acqu\u00E9reur, qui fait courir son d\u00E9lai de r\u00E9tractation';
    displayName: 'Notification \u00E0 un acqu\u00E9reur';
  };
  attributes: {
    contact: Schema.Attribute.Relation<'manyToOne', 'api::contact.contact'>;
    notificationDate: Schema.Attribute.Date;
    notificationMethod: Schema.Attribute.Enumeration<
      ['registered_letter', 'electronic_registered_letter', 'hand_delivery']
    >;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'sales.buyer-notification': SalesBuyerNotification;
    }
  }
}
