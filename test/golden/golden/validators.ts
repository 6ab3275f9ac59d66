// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:89983e1edf06fc8a
// @ts-nocheck: the validator bodies are ajv's standalone code, untyped JavaScript that no strict
// tsconfig accepts as TypeScript. Each export is declared `ValidateFunction`, which is what importers
// and declaration emit see; ajv's own tests vouch for the code itself.
import type { ValidateFunction } from "celerity";
import * as __ajv_dist_runtime_ucs2length_namespace from "ajv/dist/runtime/ucs2length.js";

// ajv's helpers are CommonJS modules marked `__esModule`. Node and Deno give a namespace whose
// `default` is `module.exports`; Bun and bundlers give one whose `default` is `exports.default`.
// Either way this returns the exports object the standalone code was written against.
function moduleExports(namespace) {
  const main = namespace.default;
  return main !== null && (typeof main === "object" || typeof main === "function") && main.__esModule ? main : namespace;
}
const __ajv_dist_runtime_ucs2length = moduleExports(__ajv_dist_runtime_ucs2length_namespace);

export const args_a$b_c: ValidateFunction = validate10;
const schema11 = {"type":"object","patternProperties":{"^n_":{"type":"number"}},"additionalProperties":false};
const pattern0 = new RegExp("^n_", "u");

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    const _errs1 = errors;
    for(const key0 of Object.keys(data)){
      if(!(pattern0.test(key0))){
        const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
        if(vErrors === null){
          vErrors = [err0];
        }
        else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    for(const key1 of Object.keys(data)){
      if(pattern0.test(key1)){
        let data0 = data[key1];
        const _errs2 = errors;
        if(!((typeof data0 == "number") && (isFinite(data0)))){
          const err1 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/patternProperties/%5En_/type",keyword:"type",params:{type: "number"},message:"must be number"};
          if(vErrors === null){
            vErrors = [err1];
          }
          else {
            vErrors.push(err1);
          }
          errors++;
        }
        const _errs3 = errors;
        var valid0 = _errs2 === errors;
      }
    }
  }
  else {
    const err2 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err2];
    }
    else {
      vErrors.push(err2);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}

export const result_a$b_c: ValidateFunction = validate11;
const schema12 = {"type":"object","additionalProperties":{"type":"array","items":{"type":"string"}}};

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    const _errs1 = errors;
    for(const key0 of Object.keys(data)){
      let data0 = data[key0];
      const _errs2 = errors;
      const _errs3 = errors;
      if(Array.isArray(data0)){
        let valid2 = true;
        const len0 = data0.length;
        for(let i0=0; i0<len0; i0++){
          let data1 = data0[i0];
          const _errs4 = errors;
          if(typeof data1 !== "string"){
            const err0 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0,schemaPath:"#/additionalProperties/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
            if(vErrors === null){
              vErrors = [err0];
            }
            else {
              vErrors.push(err0);
            }
            errors++;
          }
          const _errs5 = errors;
          var valid1 = _errs4 === errors;
          if(!valid1){
            valid2 = false;
          }
        }
      }
      else {
        const err1 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/additionalProperties/type",keyword:"type",params:{type: "array"},message:"must be array"};
        if(vErrors === null){
          vErrors = [err1];
        }
        else {
          vErrors.push(err1);
        }
        errors++;
      }
      var valid0 = _errs2 === errors;
    }
  }
  else {
    const err2 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err2];
    }
    else {
      vErrors.push(err2);
    }
    errors++;
  }
  validate11.errors = vErrors;
  return errors === 0;
}

export const args_a_b$c: ValidateFunction = validate12;
const schema13 = {"type":"object","additionalProperties":false};

function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    const _errs1 = errors;
    for(const key0 of Object.keys(data)){
      const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
      if(vErrors === null){
        vErrors = [err0];
      }
      else {
        vErrors.push(err0);
      }
      errors++;
    }
  }
  else {
    const err1 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err1];
    }
    else {
      vErrors.push(err1);
    }
    errors++;
  }
  validate12.errors = vErrors;
  return errors === 0;
}

export const result_a_b$c: ValidateFunction = validate13;
const schema14 = {"type":["string","integer","boolean","null"]};

function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  if((((typeof data !== "string") && (!(((typeof data == "number") && (!(data % 1) && !isNaN(data))) && (isFinite(data))))) && (typeof data !== "boolean")) && (data !== null)){
    const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: schema14.type},message:"must be string,integer,boolean,null"};
    if(vErrors === null){
      vErrors = [err0];
    }
    else {
      vErrors.push(err0);
    }
    errors++;
  }
  const _errs0 = errors;
  validate13.errors = vErrors;
  return errors === 0;
}

export const args_billing$invoice$create: ValidateFunction = validate14;
const schema15 = {"type":"object","required":["customer","lines"],"additionalProperties":false,"properties":{"customer":{"type":"object","required":["id"],"properties":{"id":{"type":"string","format":"uuid","description":"The customer's id."},"vip":{"type":"boolean"}}},"lines":{"type":"array","minItems":1,"items":{"type":"object","required":["sku","quantity"],"additionalProperties":false,"properties":{"sku":{"type":"string","pattern":"^[A-Z]{3}-[0-9]+$"},"quantity":{"type":"integer","minimum":1},"unitPrice":{"type":["number","null"]}}}},"currency":{"type":"string","enum":["EUR","USD","it's","say \"hi\""],"default":"EUR"},"note":{"type":"string","nullable":true,"maxLength":500},"tags":{"type":"array","items":{"type":"string"},"uniqueItems":true},"point":{"type":"array","items":[{"type":"number"},{"type":"number"}],"minItems":2,"additionalItems":false},"meta":{"type":"object","additionalProperties":{"type":"string"}},"extra":{"type":"object","properties":{"a":{"type":"integer"}},"additionalProperties":true},"x-trace-id":{"type":"string"}}};
const func0 = Object.prototype.hasOwnProperty;
const func59 = __ajv_dist_runtime_ucs2length.default;
const formats0 = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const pattern2 = new RegExp("^[A-Z]{3}-[0-9]+$", "u");

function validate14(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    if(data.currency === undefined){
      data.currency = "EUR";
    }
    if((data.customer === undefined) || (!(func0.call(data, "customer")))){
      const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "customer"},message:"must have required property '"+"customer"+"'"};
      if(vErrors === null){
        vErrors = [err0];
      }
      else {
        vErrors.push(err0);
      }
      errors++;
    }
    if((data.lines === undefined) || (!(func0.call(data, "lines")))){
      const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "lines"},message:"must have required property '"+"lines"+"'"};
      if(vErrors === null){
        vErrors = [err1];
      }
      else {
        vErrors.push(err1);
      }
      errors++;
    }
    const _errs1 = errors;
    for(const key0 of Object.keys(data)){
      if(!(func0.call(schema15.properties, key0))){
        const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
        if(vErrors === null){
          vErrors = [err2];
        }
        else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if(data.customer !== undefined && func0.call(data, "customer")){
      let data0 = data.customer;
      const _errs2 = errors;
      const _errs3 = errors;
      if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
        if((data0.id === undefined) || (!(func0.call(data0, "id")))){
          const err3 = {instancePath:instancePath+"/customer",schemaPath:"#/properties/customer/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
          if(vErrors === null){
            vErrors = [err3];
          }
          else {
            vErrors.push(err3);
          }
          errors++;
        }
        if(data0.id !== undefined && func0.call(data0, "id")){
          let data1 = data0.id;
          const _errs4 = errors;
          const _errs5 = errors;
          if((typeof data1 == "number") && (isFinite(data1))){
          }
          if(typeof data1 === "string"){
            if(!(formats0.test(data1))){
              const err4 = {instancePath:instancePath+"/customer/id",schemaPath:"#/properties/customer/properties/id/format",keyword:"format",params:{format: "uuid"},message:"must match format \""+"uuid"+"\""};
              if(vErrors === null){
                vErrors = [err4];
              }
              else {
                vErrors.push(err4);
              }
              errors++;
            }
          }
          else {
            const err5 = {instancePath:instancePath+"/customer/id",schemaPath:"#/properties/customer/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
            if(vErrors === null){
              vErrors = [err5];
            }
            else {
              vErrors.push(err5);
            }
            errors++;
          }
          var valid1 = _errs4 === errors;
        }
        if(data0.vip !== undefined && func0.call(data0, "vip")){
          let data2 = data0.vip;
          const _errs6 = errors;
          if(typeof data2 !== "boolean"){
            const err6 = {instancePath:instancePath+"/customer/vip",schemaPath:"#/properties/customer/properties/vip/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
            if(vErrors === null){
              vErrors = [err6];
            }
            else {
              vErrors.push(err6);
            }
            errors++;
          }
          const _errs7 = errors;
          var valid1 = _errs6 === errors;
        }
      }
      else {
        const err7 = {instancePath:instancePath+"/customer",schemaPath:"#/properties/customer/type",keyword:"type",params:{type: "object"},message:"must be object"};
        if(vErrors === null){
          vErrors = [err7];
        }
        else {
          vErrors.push(err7);
        }
        errors++;
      }
      var valid0 = _errs2 === errors;
    }
    if(data.lines !== undefined && func0.call(data, "lines")){
      let data3 = data.lines;
      const _errs8 = errors;
      const _errs9 = errors;
      if(Array.isArray(data3)){
        if(data3.length < 1){
          const err8 = {instancePath:instancePath+"/lines",schemaPath:"#/properties/lines/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
          if(vErrors === null){
            vErrors = [err8];
          }
          else {
            vErrors.push(err8);
          }
          errors++;
        }
        let valid3 = true;
        const len0 = data3.length;
        for(let i0=0; i0<len0; i0++){
          let data4 = data3[i0];
          const _errs10 = errors;
          const _errs11 = errors;
          if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
            if((data4.sku === undefined) || (!(func0.call(data4, "sku")))){
              const err9 = {instancePath:instancePath+"/lines/" + i0,schemaPath:"#/properties/lines/items/required",keyword:"required",params:{missingProperty: "sku"},message:"must have required property '"+"sku"+"'"};
              if(vErrors === null){
                vErrors = [err9];
              }
              else {
                vErrors.push(err9);
              }
              errors++;
            }
            if((data4.quantity === undefined) || (!(func0.call(data4, "quantity")))){
              const err10 = {instancePath:instancePath+"/lines/" + i0,schemaPath:"#/properties/lines/items/required",keyword:"required",params:{missingProperty: "quantity"},message:"must have required property '"+"quantity"+"'"};
              if(vErrors === null){
                vErrors = [err10];
              }
              else {
                vErrors.push(err10);
              }
              errors++;
            }
            const _errs12 = errors;
            for(const key1 of Object.keys(data4)){
              if(!(((key1 === "sku") || (key1 === "quantity")) || (key1 === "unitPrice"))){
                const err11 = {instancePath:instancePath+"/lines/" + i0,schemaPath:"#/properties/lines/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
                if(vErrors === null){
                  vErrors = [err11];
                }
                else {
                  vErrors.push(err11);
                }
                errors++;
              }
            }
            if(data4.sku !== undefined && func0.call(data4, "sku")){
              let data5 = data4.sku;
              const _errs13 = errors;
              const _errs14 = errors;
              if(typeof data5 === "string"){
                if(!pattern2.test(data5)){
                  const err12 = {instancePath:instancePath+"/lines/" + i0+"/sku",schemaPath:"#/properties/lines/items/properties/sku/pattern",keyword:"pattern",params:{pattern: "^[A-Z]{3}-[0-9]+$"},message:"must match pattern \""+"^[A-Z]{3}-[0-9]+$"+"\""};
                  if(vErrors === null){
                    vErrors = [err12];
                  }
                  else {
                    vErrors.push(err12);
                  }
                  errors++;
                }
              }
              else {
                const err13 = {instancePath:instancePath+"/lines/" + i0+"/sku",schemaPath:"#/properties/lines/items/properties/sku/type",keyword:"type",params:{type: "string"},message:"must be string"};
                if(vErrors === null){
                  vErrors = [err13];
                }
                else {
                  vErrors.push(err13);
                }
                errors++;
              }
              var valid4 = _errs13 === errors;
            }
            if(data4.quantity !== undefined && func0.call(data4, "quantity")){
              let data6 = data4.quantity;
              const _errs15 = errors;
              if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
                const err14 = {instancePath:instancePath+"/lines/" + i0+"/quantity",schemaPath:"#/properties/lines/items/properties/quantity/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
                if(vErrors === null){
                  vErrors = [err14];
                }
                else {
                  vErrors.push(err14);
                }
                errors++;
              }
              const _errs16 = errors;
              if((typeof data6 == "number") && (isFinite(data6))){
                if(data6 < 1 || isNaN(data6)){
                  const err15 = {instancePath:instancePath+"/lines/" + i0+"/quantity",schemaPath:"#/properties/lines/items/properties/quantity/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
                  if(vErrors === null){
                    vErrors = [err15];
                  }
                  else {
                    vErrors.push(err15);
                  }
                  errors++;
                }
              }
              var valid4 = _errs15 === errors;
            }
            if(data4.unitPrice !== undefined && func0.call(data4, "unitPrice")){
              let data7 = data4.unitPrice;
              const _errs17 = errors;
              if((!((typeof data7 == "number") && (isFinite(data7)))) && (data7 !== null)){
                const err16 = {instancePath:instancePath+"/lines/" + i0+"/unitPrice",schemaPath:"#/properties/lines/items/properties/unitPrice/type",keyword:"type",params:{type: schema15.properties.lines.items.properties.unitPrice.type},message:"must be number,null"};
                if(vErrors === null){
                  vErrors = [err16];
                }
                else {
                  vErrors.push(err16);
                }
                errors++;
              }
              const _errs18 = errors;
              var valid4 = _errs17 === errors;
            }
          }
          else {
            const err17 = {instancePath:instancePath+"/lines/" + i0,schemaPath:"#/properties/lines/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
            if(vErrors === null){
              vErrors = [err17];
            }
            else {
              vErrors.push(err17);
            }
            errors++;
          }
          var valid2 = _errs10 === errors;
          if(!valid2){
            valid3 = false;
          }
        }
      }
      else {
        const err18 = {instancePath:instancePath+"/lines",schemaPath:"#/properties/lines/type",keyword:"type",params:{type: "array"},message:"must be array"};
        if(vErrors === null){
          vErrors = [err18];
        }
        else {
          vErrors.push(err18);
        }
        errors++;
      }
      var valid0 = _errs8 === errors;
    }
    let data8 = data.currency;
    const _errs19 = errors;
    if(typeof data8 !== "string"){
      const err19 = {instancePath:instancePath+"/currency",schemaPath:"#/properties/currency/type",keyword:"type",params:{type: "string"},message:"must be string"};
      if(vErrors === null){
        vErrors = [err19];
      }
      else {
        vErrors.push(err19);
      }
      errors++;
    }
    const _errs20 = errors;
    const vSchema0 = schema15.properties.currency.enum;
    if(!((((data8 === "EUR") || (data8 === "USD")) || (data8 === "it's")) || (data8 === "say \"hi\""))){
      const err20 = {instancePath:instancePath+"/currency",schemaPath:"#/properties/currency/enum",keyword:"enum",params:{allowedValues: schema15.properties.currency.enum},message:"must be equal to one of the allowed values"};
      if(vErrors === null){
        vErrors = [err20];
      }
      else {
        vErrors.push(err20);
      }
      errors++;
    }
    var valid0 = _errs19 === errors;
    if(data.note !== undefined && func0.call(data, "note")){
      let data9 = data.note;
      const _errs21 = errors;
      if((typeof data9 !== "string") && (data9 !== null)){
        const err21 = {instancePath:instancePath+"/note",schemaPath:"#/properties/note/type",keyword:"type",params:{type: "string"},message:"must be string"};
        if(vErrors === null){
          vErrors = [err21];
        }
        else {
          vErrors.push(err21);
        }
        errors++;
      }
      const _errs22 = errors;
      const _errs23 = errors;
      if(typeof data9 === "string"){
        if(func59(data9) > 500){
          const err22 = {instancePath:instancePath+"/note",schemaPath:"#/properties/note/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters"};
          if(vErrors === null){
            vErrors = [err22];
          }
          else {
            vErrors.push(err22);
          }
          errors++;
        }
      }
      var valid0 = _errs21 === errors;
    }
    if(data.tags !== undefined && func0.call(data, "tags")){
      let data10 = data.tags;
      const _errs24 = errors;
      const _errs25 = errors;
      if(Array.isArray(data10)){
        let valid6 = true;
        const len1 = data10.length;
        for(let i1=0; i1<len1; i1++){
          let data11 = data10[i1];
          const _errs26 = errors;
          if(typeof data11 !== "string"){
            const err23 = {instancePath:instancePath+"/tags/" + i1,schemaPath:"#/properties/tags/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
            if(vErrors === null){
              vErrors = [err23];
            }
            else {
              vErrors.push(err23);
            }
            errors++;
          }
          const _errs27 = errors;
          var valid5 = _errs26 === errors;
          if(!valid5){
            valid6 = false;
          }
        }
        let valid7;
        let i2 = data10.length;
        let j0;
        valid7 = true;
        if(i2 > 1){
          const indices0 = {};
          for(;i2--;){
            let item0 = data10[i2];
            if(typeof item0 !== "string"){
              continue;
            }
            if(typeof indices0[item0] == "number"){
              j0 = indices0[item0];
              const err24 = {instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/uniqueItems",keyword:"uniqueItems",params:{i: i2, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i2+" are identical)"};
              if(vErrors === null){
                vErrors = [err24];
              }
              else {
                vErrors.push(err24);
              }
              errors++;
              valid7 = false;
              break;
            }
            indices0[item0] = i2;
          }
        }
      }
      else {
        const err25 = {instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/type",keyword:"type",params:{type: "array"},message:"must be array"};
        if(vErrors === null){
          vErrors = [err25];
        }
        else {
          vErrors.push(err25);
        }
        errors++;
      }
      var valid0 = _errs24 === errors;
    }
    if(data.point !== undefined && func0.call(data, "point")){
      let data12 = data.point;
      const _errs28 = errors;
      const _errs29 = errors;
      if(Array.isArray(data12)){
        if(data12.length < 2){
          const err26 = {instancePath:instancePath+"/point",schemaPath:"#/properties/point/minItems",keyword:"minItems",params:{limit: 2},message:"must NOT have fewer than 2 items"};
          if(vErrors === null){
            vErrors = [err26];
          }
          else {
            vErrors.push(err26);
          }
          errors++;
        }
        const len2 = data12.length;
        if(!(len2 <= 2)){
          const err27 = {instancePath:instancePath+"/point",schemaPath:"#/properties/point/additionalItems",keyword:"additionalItems",params:{limit: 2},message:"must NOT have more than 2 items"};
          if(vErrors === null){
            vErrors = [err27];
          }
          else {
            vErrors.push(err27);
          }
          errors++;
        }
        const len3 = data12.length;
        if(len3 > 0){
          let data13 = data12[0];
          const _errs30 = errors;
          if(!((typeof data13 == "number") && (isFinite(data13)))){
            const err28 = {instancePath:instancePath+"/point/0",schemaPath:"#/properties/point/items/0/type",keyword:"type",params:{type: "number"},message:"must be number"};
            if(vErrors === null){
              vErrors = [err28];
            }
            else {
              vErrors.push(err28);
            }
            errors++;
          }
          const _errs31 = errors;
          var valid8 = _errs30 === errors;
        }
        if(len3 > 1){
          let data14 = data12[1];
          const _errs32 = errors;
          if(!((typeof data14 == "number") && (isFinite(data14)))){
            const err29 = {instancePath:instancePath+"/point/1",schemaPath:"#/properties/point/items/1/type",keyword:"type",params:{type: "number"},message:"must be number"};
            if(vErrors === null){
              vErrors = [err29];
            }
            else {
              vErrors.push(err29);
            }
            errors++;
          }
          const _errs33 = errors;
          var valid8 = _errs32 === errors;
        }
      }
      else {
        const err30 = {instancePath:instancePath+"/point",schemaPath:"#/properties/point/type",keyword:"type",params:{type: "array"},message:"must be array"};
        if(vErrors === null){
          vErrors = [err30];
        }
        else {
          vErrors.push(err30);
        }
        errors++;
      }
      var valid0 = _errs28 === errors;
    }
    if(data.meta !== undefined && func0.call(data, "meta")){
      let data15 = data.meta;
      const _errs34 = errors;
      const _errs35 = errors;
      if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
        const _errs36 = errors;
        for(const key2 of Object.keys(data15)){
          let data16 = data15[key2];
          const _errs37 = errors;
          if(typeof data16 !== "string"){
            const err31 = {instancePath:instancePath+"/meta/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/meta/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
            if(vErrors === null){
              vErrors = [err31];
            }
            else {
              vErrors.push(err31);
            }
            errors++;
          }
          const _errs38 = errors;
          var valid9 = _errs37 === errors;
        }
      }
      else {
        const err32 = {instancePath:instancePath+"/meta",schemaPath:"#/properties/meta/type",keyword:"type",params:{type: "object"},message:"must be object"};
        if(vErrors === null){
          vErrors = [err32];
        }
        else {
          vErrors.push(err32);
        }
        errors++;
      }
      var valid0 = _errs34 === errors;
    }
    if(data.extra !== undefined && func0.call(data, "extra")){
      let data17 = data.extra;
      const _errs39 = errors;
      const _errs40 = errors;
      if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
        const _errs41 = errors;
        if(data17.a !== undefined && func0.call(data17, "a")){
          let data18 = data17.a;
          const _errs42 = errors;
          if(!(((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18))) && (isFinite(data18)))){
            const err33 = {instancePath:instancePath+"/extra/a",schemaPath:"#/properties/extra/properties/a/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
            if(vErrors === null){
              vErrors = [err33];
            }
            else {
              vErrors.push(err33);
            }
            errors++;
          }
          const _errs43 = errors;
          var valid10 = _errs42 === errors;
        }
      }
      else {
        const err34 = {instancePath:instancePath+"/extra",schemaPath:"#/properties/extra/type",keyword:"type",params:{type: "object"},message:"must be object"};
        if(vErrors === null){
          vErrors = [err34];
        }
        else {
          vErrors.push(err34);
        }
        errors++;
      }
      var valid0 = _errs39 === errors;
    }
    if(data["x-trace-id"] !== undefined && func0.call(data, "x-trace-id")){
      let data19 = data["x-trace-id"];
      const _errs44 = errors;
      if(typeof data19 !== "string"){
        const err35 = {instancePath:instancePath+"/x-trace-id",schemaPath:"#/properties/x-trace-id/type",keyword:"type",params:{type: "string"},message:"must be string"};
        if(vErrors === null){
          vErrors = [err35];
        }
        else {
          vErrors.push(err35);
        }
        errors++;
      }
      const _errs45 = errors;
      var valid0 = _errs44 === errors;
    }
  }
  else {
    const err36 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err36];
    }
    else {
      vErrors.push(err36);
    }
    errors++;
  }
  validate14.errors = vErrors;
  return errors === 0;
}

export const result_billing$invoice$create: ValidateFunction = validate15;
const schema16 = {"type":"object","required":["invoiceId","total"],"properties":{"invoiceId":{"type":"string"},"total":{"type":"number"},"status":{"const":"created"}}};

function validate15(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    if((data.invoiceId === undefined) || (!(func0.call(data, "invoiceId")))){
      const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "invoiceId"},message:"must have required property '"+"invoiceId"+"'"};
      if(vErrors === null){
        vErrors = [err0];
      }
      else {
        vErrors.push(err0);
      }
      errors++;
    }
    if((data.total === undefined) || (!(func0.call(data, "total")))){
      const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "total"},message:"must have required property '"+"total"+"'"};
      if(vErrors === null){
        vErrors = [err1];
      }
      else {
        vErrors.push(err1);
      }
      errors++;
    }
    if(data.invoiceId !== undefined && func0.call(data, "invoiceId")){
      let data0 = data.invoiceId;
      const _errs1 = errors;
      if(typeof data0 !== "string"){
        const err2 = {instancePath:instancePath+"/invoiceId",schemaPath:"#/properties/invoiceId/type",keyword:"type",params:{type: "string"},message:"must be string"};
        if(vErrors === null){
          vErrors = [err2];
        }
        else {
          vErrors.push(err2);
        }
        errors++;
      }
      const _errs2 = errors;
      var valid0 = _errs1 === errors;
    }
    if(data.total !== undefined && func0.call(data, "total")){
      let data1 = data.total;
      const _errs3 = errors;
      if(!((typeof data1 == "number") && (isFinite(data1)))){
        const err3 = {instancePath:instancePath+"/total",schemaPath:"#/properties/total/type",keyword:"type",params:{type: "number"},message:"must be number"};
        if(vErrors === null){
          vErrors = [err3];
        }
        else {
          vErrors.push(err3);
        }
        errors++;
      }
      const _errs4 = errors;
      var valid0 = _errs3 === errors;
    }
    if(data.status !== undefined && func0.call(data, "status")){
      let data2 = data.status;
      const _errs5 = errors;
      if("created" !== data2){
        const err4 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/const",keyword:"const",params:{allowedValue: "created"},message:"must be equal to constant"};
        if(vErrors === null){
          vErrors = [err4];
        }
        else {
          vErrors.push(err4);
        }
        errors++;
      }
      var valid0 = _errs5 === errors;
    }
  }
  else {
    const err5 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err5];
    }
    else {
      vErrors.push(err5);
    }
    errors++;
  }
  validate15.errors = vErrors;
  return errors === 0;
}

export const args_billing$refund: ValidateFunction = validate16;
const schema17 = {"definitions":{"money":{"type":"object","required":["amount","currency"],"properties":{"amount":{"type":"number","exclusiveMinimum":0},"currency":{"type":"string"}}}},"type":"object","required":["amount"],"properties":{"amount":{"$ref":"#/definitions/money"},"reason":{"anyOf":[{"type":"string","enum":["damaged","late"]},{"type":"object","required":["other"],"properties":{"other":{"type":"string"}}}]}}};
const schema18 = {"type":"object","required":["amount","currency"],"properties":{"amount":{"type":"number","exclusiveMinimum":0},"currency":{"type":"string"}}};

function validate16(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    if((data.amount === undefined) || (!(func0.call(data, "amount")))){
      const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "amount"},message:"must have required property '"+"amount"+"'"};
      if(vErrors === null){
        vErrors = [err0];
      }
      else {
        vErrors.push(err0);
      }
      errors++;
    }
    if(data.amount !== undefined && func0.call(data, "amount")){
      let data0 = data.amount;
      const _errs1 = errors;
      const _errs2 = errors;
      const _errs3 = errors;
      if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
        if((data0.amount === undefined) || (!(func0.call(data0, "amount")))){
          const err1 = {instancePath:instancePath+"/amount",schemaPath:"#/definitions/money/required",keyword:"required",params:{missingProperty: "amount"},message:"must have required property '"+"amount"+"'"};
          if(vErrors === null){
            vErrors = [err1];
          }
          else {
            vErrors.push(err1);
          }
          errors++;
        }
        if((data0.currency === undefined) || (!(func0.call(data0, "currency")))){
          const err2 = {instancePath:instancePath+"/amount",schemaPath:"#/definitions/money/required",keyword:"required",params:{missingProperty: "currency"},message:"must have required property '"+"currency"+"'"};
          if(vErrors === null){
            vErrors = [err2];
          }
          else {
            vErrors.push(err2);
          }
          errors++;
        }
        if(data0.amount !== undefined && func0.call(data0, "amount")){
          let data1 = data0.amount;
          const _errs4 = errors;
          const _errs5 = errors;
          if((typeof data1 == "number") && (isFinite(data1))){
            if(data1 <= 0 || isNaN(data1)){
              const err3 = {instancePath:instancePath+"/amount/amount",schemaPath:"#/definitions/money/properties/amount/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
              if(vErrors === null){
                vErrors = [err3];
              }
              else {
                vErrors.push(err3);
              }
              errors++;
            }
          }
          else {
            const err4 = {instancePath:instancePath+"/amount/amount",schemaPath:"#/definitions/money/properties/amount/type",keyword:"type",params:{type: "number"},message:"must be number"};
            if(vErrors === null){
              vErrors = [err4];
            }
            else {
              vErrors.push(err4);
            }
            errors++;
          }
          var valid2 = _errs4 === errors;
        }
        if(data0.currency !== undefined && func0.call(data0, "currency")){
          let data2 = data0.currency;
          const _errs6 = errors;
          if(typeof data2 !== "string"){
            const err5 = {instancePath:instancePath+"/amount/currency",schemaPath:"#/definitions/money/properties/currency/type",keyword:"type",params:{type: "string"},message:"must be string"};
            if(vErrors === null){
              vErrors = [err5];
            }
            else {
              vErrors.push(err5);
            }
            errors++;
          }
          const _errs7 = errors;
          var valid2 = _errs6 === errors;
        }
      }
      else {
        const err6 = {instancePath:instancePath+"/amount",schemaPath:"#/definitions/money/type",keyword:"type",params:{type: "object"},message:"must be object"};
        if(vErrors === null){
          vErrors = [err6];
        }
        else {
          vErrors.push(err6);
        }
        errors++;
      }
      var valid1 = _errs2 === errors;
      var valid0 = _errs1 === errors;
    }
    if(data.reason !== undefined && func0.call(data, "reason")){
      let data3 = data.reason;
      const _errs8 = errors;
      const _errs9 = errors;
      let valid3 = false;
      const _errs10 = errors;
      if(typeof data3 !== "string"){
        const err7 = {instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
        if(vErrors === null){
          vErrors = [err7];
        }
        else {
          vErrors.push(err7);
        }
        errors++;
      }
      const _errs11 = errors;
      const vSchema0 = schema17.properties.reason.anyOf[0].enum;
      if(!((data3 === "damaged") || (data3 === "late"))){
        const err8 = {instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/anyOf/0/enum",keyword:"enum",params:{allowedValues: schema17.properties.reason.anyOf[0].enum},message:"must be equal to one of the allowed values"};
        if(vErrors === null){
          vErrors = [err8];
        }
        else {
          vErrors.push(err8);
        }
        errors++;
      }
      var _valid0 = _errs10 === errors;
      valid3 = valid3 || _valid0;
      if(!valid3){
        const _errs12 = errors;
        const _errs13 = errors;
        if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
          if((data3.other === undefined) || (!(func0.call(data3, "other")))){
            const err9 = {instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/anyOf/1/required",keyword:"required",params:{missingProperty: "other"},message:"must have required property '"+"other"+"'"};
            if(vErrors === null){
              vErrors = [err9];
            }
            else {
              vErrors.push(err9);
            }
            errors++;
          }
          if(data3.other !== undefined && func0.call(data3, "other")){
            let data4 = data3.other;
            const _errs14 = errors;
            if(typeof data4 !== "string"){
              const err10 = {instancePath:instancePath+"/reason/other",schemaPath:"#/properties/reason/anyOf/1/properties/other/type",keyword:"type",params:{type: "string"},message:"must be string"};
              if(vErrors === null){
                vErrors = [err10];
              }
              else {
                vErrors.push(err10);
              }
              errors++;
            }
            const _errs15 = errors;
            var valid4 = _errs14 === errors;
          }
        }
        else {
          const err11 = {instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/anyOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
          if(vErrors === null){
            vErrors = [err11];
          }
          else {
            vErrors.push(err11);
          }
          errors++;
        }
        var _valid0 = _errs12 === errors;
        valid3 = valid3 || _valid0;
        if(!valid3){
        }
      }
      if(!valid3){
        const err12 = {instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
        if(vErrors === null){
          vErrors = [err12];
        }
        else {
          vErrors.push(err12);
        }
        errors++;
      }
      else {
        errors = _errs9;
        if(vErrors !== null){
          if(_errs9){
            vErrors.length = _errs9;
          }
          else {
            vErrors = null;
          }
        }
      }
      var valid0 = _errs8 === errors;
    }
  }
  else {
    const err13 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err13];
    }
    else {
      vErrors.push(err13);
    }
    errors++;
  }
  validate16.errors = vErrors;
  return errors === 0;
}

export const result_billing$refund: ValidateFunction = validate17;
const schema19 = {"oneOf":[{"type":"object","required":["ok"],"properties":{"ok":{"const":true}}},{"type":"object","required":["ok","error"],"properties":{"ok":{"const":false},"error":{"type":"string"}}}]};

function validate17(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  let valid0 = false;
  let passing0 = null;
  const _errs1 = errors;
  const _errs2 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    if((data.ok === undefined) || (!(func0.call(data, "ok")))){
      const err0 = {instancePath,schemaPath:"#/oneOf/0/required",keyword:"required",params:{missingProperty: "ok"},message:"must have required property '"+"ok"+"'"};
      if(vErrors === null){
        vErrors = [err0];
      }
      else {
        vErrors.push(err0);
      }
      errors++;
    }
    if(data.ok !== undefined && func0.call(data, "ok")){
      let data0 = data.ok;
      const _errs3 = errors;
      if(true !== data0){
        const err1 = {instancePath:instancePath+"/ok",schemaPath:"#/oneOf/0/properties/ok/const",keyword:"const",params:{allowedValue: true},message:"must be equal to constant"};
        if(vErrors === null){
          vErrors = [err1];
        }
        else {
          vErrors.push(err1);
        }
        errors++;
      }
      var valid1 = _errs3 === errors;
    }
  }
  else {
    const err2 = {instancePath,schemaPath:"#/oneOf/0/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err2];
    }
    else {
      vErrors.push(err2);
    }
    errors++;
  }
  var _valid0 = _errs1 === errors;
  if(_valid0){
    valid0 = true;
    passing0 = 0;
  }
  const _errs4 = errors;
  const _errs5 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    if((data.ok === undefined) || (!(func0.call(data, "ok")))){
      const err3 = {instancePath,schemaPath:"#/oneOf/1/required",keyword:"required",params:{missingProperty: "ok"},message:"must have required property '"+"ok"+"'"};
      if(vErrors === null){
        vErrors = [err3];
      }
      else {
        vErrors.push(err3);
      }
      errors++;
    }
    if((data.error === undefined) || (!(func0.call(data, "error")))){
      const err4 = {instancePath,schemaPath:"#/oneOf/1/required",keyword:"required",params:{missingProperty: "error"},message:"must have required property '"+"error"+"'"};
      if(vErrors === null){
        vErrors = [err4];
      }
      else {
        vErrors.push(err4);
      }
      errors++;
    }
    if(data.ok !== undefined && func0.call(data, "ok")){
      let data1 = data.ok;
      const _errs6 = errors;
      if(false !== data1){
        const err5 = {instancePath:instancePath+"/ok",schemaPath:"#/oneOf/1/properties/ok/const",keyword:"const",params:{allowedValue: false},message:"must be equal to constant"};
        if(vErrors === null){
          vErrors = [err5];
        }
        else {
          vErrors.push(err5);
        }
        errors++;
      }
      var valid2 = _errs6 === errors;
    }
    if(data.error !== undefined && func0.call(data, "error")){
      let data2 = data.error;
      const _errs7 = errors;
      if(typeof data2 !== "string"){
        const err6 = {instancePath:instancePath+"/error",schemaPath:"#/oneOf/1/properties/error/type",keyword:"type",params:{type: "string"},message:"must be string"};
        if(vErrors === null){
          vErrors = [err6];
        }
        else {
          vErrors.push(err6);
        }
        errors++;
      }
      const _errs8 = errors;
      var valid2 = _errs7 === errors;
    }
  }
  else {
    const err7 = {instancePath,schemaPath:"#/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err7];
    }
    else {
      vErrors.push(err7);
    }
    errors++;
  }
  var _valid0 = _errs4 === errors;
  if(_valid0 && valid0){
    valid0 = false;
    passing0 = [passing0, 1];
  }
  else {
    if(_valid0){
      valid0 = true;
      passing0 = 1;
    }
  }
  if(!valid0){
    const err8 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
    if(vErrors === null){
      vErrors = [err8];
    }
    else {
      vErrors.push(err8);
    }
    errors++;
  }
  else {
    errors = _errs0;
    if(vErrors !== null){
      if(_errs0){
        vErrors.length = _errs0;
      }
      else {
        vErrors = null;
      }
    }
  }
  validate17.errors = vErrors;
  return errors === 0;
}

export const args_ping: ValidateFunction = validate18;
const schema20 = {};

function validate18(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  validate18.errors = null;
  return true;
}

export const args_reports$run: ValidateFunction = validate19;
const schema21 = {"type":"object","properties":{"window":{"type":"string","enum":["day","week","month"]},"limit":{"type":"integer","minimum":1,"maximum":100,"default":10}}};

function validate19(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    if(data.limit === undefined){
      data.limit = 10;
    }
    if(data.window !== undefined && func0.call(data, "window")){
      let data0 = data.window;
      const _errs1 = errors;
      if(typeof data0 !== "string"){
        const err0 = {instancePath:instancePath+"/window",schemaPath:"#/properties/window/type",keyword:"type",params:{type: "string"},message:"must be string"};
        if(vErrors === null){
          vErrors = [err0];
        }
        else {
          vErrors.push(err0);
        }
        errors++;
      }
      const _errs2 = errors;
      const vSchema0 = schema21.properties.window.enum;
      if(!(((data0 === "day") || (data0 === "week")) || (data0 === "month"))){
        const err1 = {instancePath:instancePath+"/window",schemaPath:"#/properties/window/enum",keyword:"enum",params:{allowedValues: schema21.properties.window.enum},message:"must be equal to one of the allowed values"};
        if(vErrors === null){
          vErrors = [err1];
        }
        else {
          vErrors.push(err1);
        }
        errors++;
      }
      var valid0 = _errs1 === errors;
    }
    let data1 = data.limit;
    const _errs3 = errors;
    if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
      const err2 = {instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
      if(vErrors === null){
        vErrors = [err2];
      }
      else {
        vErrors.push(err2);
      }
      errors++;
    }
    const _errs4 = errors;
    if((typeof data1 == "number") && (isFinite(data1))){
      if(data1 > 100 || isNaN(data1)){
        const err3 = {instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100"};
        if(vErrors === null){
          vErrors = [err3];
        }
        else {
          vErrors.push(err3);
        }
        errors++;
      }
      if(data1 < 1 || isNaN(data1)){
        const err4 = {instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
        if(vErrors === null){
          vErrors = [err4];
        }
        else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    var valid0 = _errs3 === errors;
  }
  else {
    const err5 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err5];
    }
    else {
      vErrors.push(err5);
    }
    errors++;
  }
  validate19.errors = vErrors;
  return errors === 0;
}

export const result_reports$run: ValidateFunction = validate20;
const schema22 = {"type":"array","items":{"type":"object","required":["name"],"properties":{"name":{"type":"string"}}}};

function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(Array.isArray(data)){
    let valid1 = true;
    const len0 = data.length;
    for(let i0=0; i0<len0; i0++){
      let data0 = data[i0];
      const _errs1 = errors;
      const _errs2 = errors;
      if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
        if((data0.name === undefined) || (!(func0.call(data0, "name")))){
          const err0 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
          if(vErrors === null){
            vErrors = [err0];
          }
          else {
            vErrors.push(err0);
          }
          errors++;
        }
        if(data0.name !== undefined && func0.call(data0, "name")){
          let data1 = data0.name;
          const _errs3 = errors;
          if(typeof data1 !== "string"){
            const err1 = {instancePath:instancePath+"/" + i0+"/name",schemaPath:"#/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
            if(vErrors === null){
              vErrors = [err1];
            }
            else {
              vErrors.push(err1);
            }
            errors++;
          }
          const _errs4 = errors;
          var valid2 = _errs3 === errors;
        }
      }
      else {
        const err2 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
        if(vErrors === null){
          vErrors = [err2];
        }
        else {
          vErrors.push(err2);
        }
        errors++;
      }
      var valid0 = _errs1 === errors;
      if(!valid0){
        valid1 = false;
      }
    }
  }
  else {
    const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array"};
    if(vErrors === null){
      vErrors = [err3];
    }
    else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}
